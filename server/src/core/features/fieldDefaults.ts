/**
 * Defaults the API server fills in when a field is left out, keyed by declaring type and field.
 *
 * Source: the apps/v1 and core/v1 defaulting functions (pkg/apis/apps/v1/defaults.go,
 * pkg/apis/core/v1/defaults.go), as summarised in /work/shared/research/k8s-rules.md §2
 * ("Pipeline order matters"), and the field descriptions of the API reference.
 */
const DEFAULTS: Readonly<Record<string, string>> = {
  'apps.v1.DeploymentSpec.replicas': '`1`',
  'apps.v1.DeploymentSpec.revisionHistoryLimit': '`10`',
  'apps.v1.DeploymentSpec.progressDeadlineSeconds': '`600`',
  'apps.v1.DeploymentSpec.minReadySeconds': '`0`',
  'apps.v1.DeploymentStrategy.type': '`RollingUpdate`',
  'apps.v1.RollingUpdateDeployment.maxSurge': '`25%`',
  'apps.v1.RollingUpdateDeployment.maxUnavailable': '`25%`',
  'apps.v1.StatefulSetSpec.replicas': '`1`',
  'apps.v1.StatefulSetSpec.revisionHistoryLimit': '`10`',
  'apps.v1.StatefulSetSpec.podManagementPolicy': '`OrderedReady`',
  'apps.v1.StatefulSetSpec.minReadySeconds': '`0`',
  'apps.v1.StatefulSetUpdateStrategy.type': '`RollingUpdate`',
  'apps.v1.RollingUpdateStatefulSetStrategy.partition': '`0` (when the type is `RollingUpdate`)',
  'apps.v1.RollingUpdateStatefulSetStrategy.maxUnavailable': '`1`',
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': '`Retain`',
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': '`Retain`',
  'apps.v1.StatefulSetOrdinals.start': '`0`',
  'apps.v1.DaemonSetSpec.revisionHistoryLimit': '`10`',
  'apps.v1.DaemonSetSpec.minReadySeconds': '`0`',
  'apps.v1.DaemonSetUpdateStrategy.type': '`RollingUpdate`',
  'apps.v1.RollingUpdateDaemonSet.maxUnavailable': '`1`',
  'apps.v1.RollingUpdateDaemonSet.maxSurge': '`0`',
  'apps.v1.ReplicaSetSpec.replicas': '`1`',
  'apps.v1.ReplicaSetSpec.minReadySeconds': '`0`',
  'core.v1.PodSpec.restartPolicy': '`Always`',
  'core.v1.PodSpec.dnsPolicy': '`ClusterFirst`',
  'core.v1.PodSpec.terminationGracePeriodSeconds': '`30`',
  'core.v1.PodSpec.schedulerName': '`default-scheduler`',
  'core.v1.Container.imagePullPolicy': '`Always` when the image tag is `:latest` or missing, otherwise `IfNotPresent`',
  'core.v1.Container.terminationMessagePolicy': '`File`',
  'core.v1.Container.terminationMessagePath': '`/dev/termination-log`',
  'core.v1.ContainerPort.protocol': '`TCP`',
  'core.v1.Probe.timeoutSeconds': '`1`',
  'core.v1.Probe.periodSeconds': '`10`',
  'core.v1.Probe.successThreshold': '`1`',
  'core.v1.Probe.failureThreshold': '`3`',
  'core.v1.Probe.initialDelaySeconds': '`0`',
  'core.v1.HTTPGetAction.scheme': '`HTTP`',
  'core.v1.Toleration.operator': '`Equal`',
};

/** The server-side default of a field, as short Markdown, when it is known. */
export function fieldDefault(ownerTypeId: string | undefined, field: string): string | undefined {
  if (!ownerTypeId) return undefined;
  const key = `${ownerTypeId}.${field}`;
  return Object.prototype.hasOwnProperty.call(DEFAULTS, key) ? DEFAULTS[key] : undefined;
}
