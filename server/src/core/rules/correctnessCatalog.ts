/**
 * Rules about what the API server (or the YAML parser) would reject: syntax, schema, API-server
 * validation, fields of another kind, removed apiVersions, cross-document links.
 */
import type { Rule } from './ruleTypes';
import { yamlSyntax } from './yamlSyntax';
import { unknownField } from './schema/unknownField';
import { fieldOfAnotherKindRule } from './schema/fieldOfAnotherKind';
import { invalidType } from './schema/invalidType';
import { invalidEnum } from './schema/invalidEnum';
import { missingRequired } from './schema/missingRequired';
import { removedApiVersion } from './apiVersion/removedApiVersion';
import { unknownApiVersion } from './apiVersion/unknownApiVersion';
import { unknownKind } from './apiVersion/unknownKind';
import { selectorRequired } from './apiServer/selectorRequired';
import { selectorEmpty } from './apiServer/selectorEmpty';
import { selectorMismatch } from './apiServer/selectorMismatch';
import { templateRestartPolicy } from './apiServer/templateRestartPolicy';
import { activeDeadlineForbidden } from './apiServer/activeDeadlineForbidden';
import { invalidName } from './apiServer/invalidName';
import { statefulsetNameTooLong } from './apiServer/statefulsetNameTooLong';
import { negativeValue } from './apiServer/negativeValue';
import { progressDeadline } from './apiServer/progressDeadline';
import { strategyRollingUpdate } from './apiServer/strategyRollingUpdate';
import { daemonsetRollingUpdate } from './apiServer/daemonsetRollingUpdate';
import { statefulsetUpdateStrategy } from './apiServer/statefulsetUpdateStrategy';
import { containerName } from './apiServer/containerName';
import { containerImageRequired } from './apiServer/containerImageRequired';
import { portRange } from './apiServer/portRange';
import { portName } from './apiServer/portName';
import { hostPortConflict } from './apiServer/hostPortConflict';
import { probeHandler } from './apiServer/probeHandler';
import { probeSuccessThreshold } from './apiServer/probeSuccessThreshold';
import { volumeName } from './apiServer/volumeName';
import { volumeSource } from './apiServer/volumeSource';
import { mountNotFound } from './apiServer/mountNotFound';
import { mountPathDuplicate } from './apiServer/mountPathDuplicate';
import { resourcesRequestExceedsLimit } from './apiServer/resourcesRequestExceedsLimit';
import { envSource } from './apiServer/envSource';
import { initContainerRestartPolicy } from './apiServer/initContainerRestartPolicy';
import { tolerations } from './apiServer/tolerations';
import { pvcRetentionPolicy } from './apiServer/pvcRetentionPolicy';
import { serviceName } from './apiServer/serviceName';
import { ephemeralContainersForbidden } from './apiServer/ephemeralContainersForbidden';
import { invalidLabel } from './apiServer/invalidLabel';
import { invalidAnnotation } from './apiServer/invalidAnnotation';
import { selectorValues } from './apiServer/selectorValues';
import { nodeAffinity } from './apiServer/nodeAffinity';
import { dnsConfig } from './apiServer/dnsConfig';
import { topologySpread } from './apiServer/topologySpread';
import { hostNetworkPort } from './apiServer/hostNetworkPort';
import { nonOvercommitResources } from './apiServer/nonOvercommitResources';
import { hugepagesResources } from './apiServer/hugepagesResources';
import { initContainerProbes } from './apiServer/initContainerProbes';
import { probeTerminationGracePeriod } from './apiServer/probeTerminationGracePeriod';
import { volumeClaimTemplates } from './apiServer/volumeClaimTemplates';
import { envName } from './apiServer/envName';
import { fieldRef } from './apiServer/fieldRef';
import { mountSubPath } from './apiServer/mountSubPath';
import { mountPropagation } from './apiServer/mountPropagation';
import { podSpecName } from './apiServer/podSpecName';
import { securityContextConflict } from './apiServer/securityContextConflict';
import { securityContextValues } from './apiServer/securityContextValues';
import { envRefValues } from './apiServer/envRefValues';
import { resourceValues } from './apiServer/resourceValues';
import { probeHandlerValues } from './apiServer/probeHandlerValues';
import { affinityWeight } from './apiServer/affinityWeight';
import { servicePorts } from './companion/servicePorts';
import { serviceType } from './companion/serviceType';
import { serviceSelector } from './companion/serviceSelector';
import { jobSpec } from './companion/jobSpec';
import { cronJobSpec } from './companion/cronJobSpec';
import { pvcSpec } from './companion/pvcSpec';
import { pdbSpec } from './companion/pdbSpec';
import { networkPolicySpec } from './companion/networkPolicySpec';
import { hpaSpec } from './companion/hpaSpec';
import { ingressSpec } from './companion/ingressSpec';
import { configDataKeys } from './companion/configDataKeys';
import { podOnlyFields } from './companion/podOnlyFields';
import { statefulsetServiceMissing } from './crossDocument/statefulsetServiceMissing';
import { serviceSelectsNothing } from './crossDocument/serviceSelectsNothing';

export const CORRECTNESS_RULES: readonly Rule[] = [
  yamlSyntax,
  unknownField,
  fieldOfAnotherKindRule,
  invalidType,
  invalidEnum,
  missingRequired,
  removedApiVersion,
  unknownApiVersion,
  unknownKind,
  selectorRequired,
  selectorEmpty,
  selectorMismatch,
  templateRestartPolicy,
  activeDeadlineForbidden,
  invalidName,
  statefulsetNameTooLong,
  negativeValue,
  progressDeadline,
  strategyRollingUpdate,
  daemonsetRollingUpdate,
  statefulsetUpdateStrategy,
  containerName,
  containerImageRequired,
  portRange,
  portName,
  hostPortConflict,
  probeHandler,
  probeSuccessThreshold,
  volumeName,
  volumeSource,
  mountNotFound,
  mountPathDuplicate,
  resourcesRequestExceedsLimit,
  envSource,
  initContainerRestartPolicy,
  tolerations,
  pvcRetentionPolicy,
  serviceName,
  ephemeralContainersForbidden,
  invalidLabel,
  invalidAnnotation,
  selectorValues,
  nodeAffinity,
  dnsConfig,
  topologySpread,
  hostNetworkPort,
  nonOvercommitResources,
  hugepagesResources,
  initContainerProbes,
  probeTerminationGracePeriod,
  volumeClaimTemplates,
  envName,
  fieldRef,
  mountSubPath,
  mountPropagation,
  podSpecName,
  securityContextConflict,
  securityContextValues,
  envRefValues,
  resourceValues,
  probeHandlerValues,
  affinityWeight,
  servicePorts,
  serviceType,
  serviceSelector,
  jobSpec,
  cronJobSpec,
  pvcSpec,
  pdbSpec,
  networkPolicySpec,
  hpaSpec,
  ingressSpec,
  configDataKeys,
  podOnlyFields,
  statefulsetServiceMissing,
  serviceSelectsNothing,
];
