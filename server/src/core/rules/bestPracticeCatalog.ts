/**
 * Best-practice rules (reliability and security hygiene): configurable, never what the API
 * server enforces. Each lives in bestPractice/<ruleName>.ts and has docs/rules/<id>.md. The
 * default severities follow kube-linter and Polaris, quieter where their users complain
 * (CPU limits, single replicas) and Information where a finding is advice, not a risk.
 */
import type { Rule } from './ruleTypes';
import { allowPrivilegeEscalation } from './bestPractice/allowPrivilegeEscalation';
import { automountServiceAccountToken } from './bestPractice/automountServiceAccountToken';
import { cpuLimits } from './bestPractice/cpuLimits';
import { cpuRequests } from './bestPractice/cpuRequests';
import { dangerousCapabilities } from './bestPractice/dangerousCapabilities';
import { defaultNamespace } from './bestPractice/defaultNamespace';
import { deprecatedServiceAccountField } from './bestPractice/deprecatedServiceAccountField';
import { dockerSock } from './bestPractice/dockerSock';
import { dropNetRaw } from './bestPractice/dropNetRaw';
import { duplicateEnv } from './bestPractice/duplicateEnv';
import { envSecretLiteral } from './bestPractice/envSecretLiteral';
import { hostIpc } from './bestPractice/hostIpc';
import { hostNetwork } from './bestPractice/hostNetwork';
import { hostPath } from './bestPractice/hostPath';
import { hostPid } from './bestPractice/hostPid';
import { hostPort } from './bestPractice/hostPort';
import { latestTag } from './bestPractice/latestTag';
import { livenessProbe } from './bestPractice/livenessProbe';
import { memoryLimits } from './bestPractice/memoryLimits';
import { memoryRequests } from './bestPractice/memoryRequests';
import { noAntiAffinity } from './bestPractice/noAntiAffinity';
import { privileged } from './bestPractice/privileged';
import { privilegedPorts } from './bestPractice/privilegedPorts';
import { probePortNotExposed } from './bestPractice/probePortNotExposed';
import { pullPolicyAlways } from './bestPractice/pullPolicyAlways';
import { readinessProbe } from './bestPractice/readinessProbe';
import { readOnlyRootFilesystem } from './bestPractice/readOnlyRootFilesystem';
import { runAsNonRoot } from './bestPractice/runAsNonRoot';
import { singleReplica } from './bestPractice/singleReplica';
import { sshPort } from './bestPractice/sshPort';
import { unsafeProcMount } from './bestPractice/unsafeProcMount';
import { unsafeSysctls } from './bestPractice/unsafeSysctls';
import { writableHostPath } from './bestPractice/writableHostPath';

export const BEST_PRACTICE_RULES: readonly Rule[] = [
  // Resources
  cpuRequests,
  memoryRequests,
  memoryLimits,
  cpuLimits,
  // Health and availability
  livenessProbe,
  readinessProbe,
  probePortNotExposed,
  noAntiAffinity,
  singleReplica,
  // Images
  latestTag,
  pullPolicyAlways,
  // Container security
  privileged,
  allowPrivilegeEscalation,
  runAsNonRoot,
  readOnlyRootFilesystem,
  dangerousCapabilities,
  dropNetRaw,
  unsafeProcMount,
  // Host access
  hostNetwork,
  hostPid,
  hostIpc,
  hostPath,
  writableHostPath,
  dockerSock,
  hostPort,
  unsafeSysctls,
  // Ports, environment, identity
  sshPort,
  privilegedPorts,
  duplicateEnv,
  envSecretLiteral,
  deprecatedServiceAccountField,
  automountServiceAccountToken,
  defaultNamespace,
];
