/**
 * Defaults of the apps/v1 workload kinds, as the API server sets them before validation.
 *
 * Source: kubernetes/kubernetes release-1.36, pkg/apis/apps/v1/defaults.go
 * (SetDefaults_Deployment, SetDefaults_StatefulSet, SetDefaults_DaemonSet, SetDefaults_ReplicaSet),
 * checked field by field against ../shared/apiserver/defaults.json by the conformance test.
 *
 *     spec:                         spec:
 *       template: …          →        replicas: 1
 *                                      strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}}
 *                                      revisionHistoryLimit: 10
 *                                      progressDeadlineSeconds: 600
 */
import { str, type Catalog, type JsonObject } from './catalogTypes';

/** `rollingUpdate: {}` when the strategy rolls, for the next type's defaults to fill in. */
const rollingWhenRolling = (obj: JsonObject) => (str(obj, 'type') === 'RollingUpdate' ? {} : undefined);

export const WORKLOAD_DEFAULTS: Catalog = {
  'apps.v1.Deployment': { children: { spec: { type: 'apps.v1.DeploymentSpec' } } },
  'apps.v1.DeploymentSpec': {
    fields: [
      { field: 'replicas', value: 1 },
      { field: 'strategy', value: {} },
      { field: 'revisionHistoryLimit', value: 10 },
      { field: 'progressDeadlineSeconds', value: 600 },
    ],
    children: { strategy: { type: 'apps.v1.DeploymentStrategy' }, template: { type: 'core.v1.PodTemplateSpec' } },
  },
  'apps.v1.DeploymentStrategy': {
    fields: [
      { field: 'type', value: 'RollingUpdate', surprising: true },
      { field: 'rollingUpdate', value: rollingWhenRolling, surprising: true, describe: '`maxSurge: 25%`, `maxUnavailable: 25%` when the type is `RollingUpdate`' },
    ],
    children: { rollingUpdate: { type: 'apps.v1.RollingUpdateDeployment' } },
  },
  'apps.v1.RollingUpdateDeployment': {
    fields: [
      { field: 'maxUnavailable', value: '25%', surprising: true },
      { field: 'maxSurge', value: '25%', surprising: true },
    ],
  },
  'apps.v1.StatefulSet': { children: { spec: { type: 'apps.v1.StatefulSetSpec' } } },
  'apps.v1.StatefulSetSpec': {
    fields: [
      { field: 'podManagementPolicy', value: 'OrderedReady' },
      { field: 'updateStrategy', value: {} },
      { field: 'persistentVolumeClaimRetentionPolicy', value: {} },
      { field: 'replicas', value: 1 },
      { field: 'revisionHistoryLimit', value: 10 },
    ],
    children: {
      updateStrategy: { type: 'apps.v1.StatefulSetUpdateStrategy' },
      persistentVolumeClaimRetentionPolicy: { type: 'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy' },
      template: { type: 'core.v1.PodTemplateSpec' },
      volumeClaimTemplates: { type: 'apps.v1.StatefulSetSpec.volumeClaimTemplates', shape: 'list' },
    },
  },
  'apps.v1.StatefulSetUpdateStrategy': {
    fields: [
      // Only a strategy whose type was left out gets an empty rollingUpdate (and so a partition).
      { field: 'rollingUpdate', value: (obj: JsonObject) => (str(obj, 'type') === '' ? {} : undefined), surprising: true, describe: '`partition: 0` when the type is left out' },
      { field: 'type', value: 'RollingUpdate', surprising: true },
    ],
    children: { rollingUpdate: { type: 'apps.v1.RollingUpdateStatefulSetStrategy' } },
  },
  'apps.v1.RollingUpdateStatefulSetStrategy': {
    // maxUnavailable (MaxUnavailableStatefulSet) is not set by the 1.36 server: it reads as 1.
    fields: [{ field: 'partition', value: 0, surprising: true }],
  },
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy': {
    fields: [
      { field: 'whenDeleted', value: 'Retain' },
      { field: 'whenScaled', value: 'Retain' },
    ],
  },
  // The claim templates are held as full PersistentVolumeClaims, with their type written out.
  'apps.v1.StatefulSetSpec.volumeClaimTemplates': {
    fields: [
      { field: 'apiVersion', value: 'v1', quiet: true },
      { field: 'kind', value: 'PersistentVolumeClaim', quiet: true },
      // SetDefaults_PersistentVolumeClaim: the template is held with a claim's initial status.
      { field: 'status', value: { phase: 'Pending' }, quiet: true },
    ],
    children: { spec: { type: 'core.v1.PersistentVolumeClaimSpec' } },
  },
  'apps.v1.DaemonSet': { children: { spec: { type: 'apps.v1.DaemonSetSpec' } } },
  'apps.v1.DaemonSetSpec': {
    fields: [
      { field: 'updateStrategy', value: {} },
      { field: 'revisionHistoryLimit', value: 10 },
    ],
    children: { updateStrategy: { type: 'apps.v1.DaemonSetUpdateStrategy' }, template: { type: 'core.v1.PodTemplateSpec' } },
  },
  'apps.v1.DaemonSetUpdateStrategy': {
    fields: [
      { field: 'type', value: 'RollingUpdate', surprising: true },
      { field: 'rollingUpdate', value: rollingWhenRolling, surprising: true, describe: '`maxUnavailable: 1`, `maxSurge: 0` when the type is `RollingUpdate`' },
    ],
    children: { rollingUpdate: { type: 'apps.v1.RollingUpdateDaemonSet' } },
  },
  'apps.v1.RollingUpdateDaemonSet': {
    fields: [
      { field: 'maxUnavailable', value: 1, surprising: true },
      { field: 'maxSurge', value: 0, surprising: true },
    ],
  },
  'apps.v1.ReplicaSet': { children: { spec: { type: 'apps.v1.ReplicaSetSpec' } } },
  'apps.v1.ReplicaSetSpec': {
    fields: [{ field: 'replicas', value: 1 }],
    children: { template: { type: 'core.v1.PodTemplateSpec' } },
  },
};

