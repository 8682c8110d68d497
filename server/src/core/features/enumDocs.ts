/**
 * Short explanations of enum values, keyed by the declaring type and field, so that the same word
 * can mean different things (`RollingUpdate` in a Deployment surges, in a StatefulSet it walks the
 * ordinals). Used by value hover and by enum completion. Written from the API reference:
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/ and pod-v1/.
 */

type ValueDocs = Readonly<Record<string, string>>;

const PULL_POLICY: ValueDocs = {
  Always: 'The kubelet asks the registry for the image digest on every container start and pulls when it changed.',
  IfNotPresent: 'The image is pulled only when it is not already on the node.',
  Never: 'The image is never pulled; the container fails to start if the node does not have it.',
};

const RETENTION: ValueDocs = {
  Retain: 'The claims are kept (the default).',
  Delete: 'The claims are deleted by the StatefulSet controller.',
};

const DOCS: Readonly<Record<string, ValueDocs>> = {
  'apps.v1.DeploymentStrategy.type': {
    RollingUpdate: 'Replaces pods gradually: new pods start (up to `maxSurge` extra) while old ones stop (at most `maxUnavailable` missing), so the app stays up. The default.',
    Recreate: 'Stops every old pod before any new pod starts: a short outage, but never two versions running at once.',
  },
  'apps.v1.StatefulSetUpdateStrategy.type': {
    RollingUpdate: 'The controller replaces pods one at a time from the highest ordinal down, waiting for each to be Ready; `partition` holds back lower ordinals. The default.',
    OnDelete: 'The controller does not replace pods; a pod gets the new template when you delete it.',
  },
  'apps.v1.DaemonSetUpdateStrategy.type': {
    RollingUpdate: 'Replaces the pod on each node, at most `maxUnavailable` nodes at a time, or with `maxSurge` starting the new pod before the old one stops. The default.',
    OnDelete: 'Pods are replaced only when you delete them; the new template waits until then.',
  },
  'apps.v1.StatefulSetSpec.podManagementPolicy': {
    OrderedReady: 'Pods are created one at a time in ordinal order, each after the previous is Running and Ready, and removed in reverse order on scale-down. The default.',
    Parallel: 'Pods are created and deleted all at once, without waiting for each other; rolling updates are not affected.',
  },
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': {
    Retain: RETENTION.Retain!,
    Delete: 'The claims are deleted when the StatefulSet is deleted.',
  },
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': {
    Retain: RETENTION.Retain!,
    Delete: 'The claims of removed ordinals are deleted when the StatefulSet scales down.',
  },
  'core.v1.Container.imagePullPolicy': PULL_POLICY,
  'core.v1.EphemeralContainer.imagePullPolicy': PULL_POLICY,
  'core.v1.PodSpec.restartPolicy': {
    Always: 'Containers are restarted whenever they exit. The only value a workload template accepts.',
    OnFailure: 'Containers are restarted only after a non-zero exit. Not allowed in a workload template.',
    Never: 'Containers are never restarted. Not allowed in a workload template.',
  },
  'core.v1.PodSpec.dnsPolicy': {
    ClusterFirst: 'Cluster DNS first, other names forwarded upstream. The default.',
    ClusterFirstWithHostNet: 'Cluster DNS for a pod that uses `hostNetwork`.',
    Default: 'The node\'s own resolver configuration (despite the name, not the default).',
    None: 'No automatic DNS settings; everything comes from `dnsConfig`.',
  },
  'core.v1.ContainerPort.protocol': {
    TCP: 'TCP (the default).',
    UDP: 'UDP.',
    SCTP: 'SCTP.',
  },
  'core.v1.Toleration.effect': {
    NoSchedule: 'Tolerates taints that keep new pods off a node.',
    PreferNoSchedule: 'Tolerates taints the scheduler tries to avoid.',
    NoExecute: 'Tolerates taints that evict running pods (for `tolerationSeconds` if set).',
  },
  'core.v1.Toleration.operator': {
    Equal: 'The taint\'s value must equal `value` (the default).',
    Exists: 'Any value matches; leave `value` empty.',
    Gt: 'The taint\'s value, as an integer, must be greater than `value`.',
    Lt: 'The taint\'s value, as an integer, must be less than `value`.',
  },
  'core.v1.TopologySpreadConstraint.whenUnsatisfiable': {
    DoNotSchedule: 'The pod stays Pending rather than break `maxSkew`.',
    ScheduleAnyway: 'The pod is scheduled anyway, preferring nodes that reduce the skew.',
  },
  'core.v1.PersistentVolumeClaimSpec.accessModes': {
    ReadWriteOnce: 'Read-write by the pods of a single node.',
    ReadOnlyMany: 'Read-only by pods on many nodes.',
    ReadWriteMany: 'Read-write by pods on many nodes.',
    ReadWriteOncePod: 'Read-write by a single pod.',
  },
  'core.v1.Container.terminationMessagePolicy': {
    File: 'The termination message is read from `terminationMessagePath` (the default).',
    FallbackToLogsOnError: 'When that file is empty and the container failed, the end of its log is used.',
  },
  'core.v1.HTTPGetAction.scheme': { HTTP: 'Plain HTTP (the default).', HTTPS: 'HTTPS; the certificate is not verified.' },
};

/** The explanation of `value` for a field, when one is written. */
export function enumValueDoc(ownerTypeId: string | undefined, field: string, value: string): string | undefined {
  const docs = ownerTypeId ? DOCS[`${ownerTypeId}.${field}`] : undefined;
  return docs && Object.prototype.hasOwnProperty.call(docs, value) ? docs[value] : undefined;
}
