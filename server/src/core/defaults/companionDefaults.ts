/**
 * Defaults of the kinds that sit beside workloads: Service, PersistentVolumeClaim, Job, CronJob,
 * HorizontalPodAutoscaler (autoscaling/v2), NetworkPolicy and Secret. ConfigMap, ServiceAccount,
 * Ingress (networking.k8s.io/v1) and PodDisruptionBudget (policy/v1) get none.
 *
 * Sources: kubernetes/kubernetes release-1.36, pkg/apis/core/v1/defaults.go (SetDefaults_Service,
 * SetDefaults_PersistentVolumeClaimSpec, SetDefaults_Secret), pkg/apis/core/v1/conversion.go
 * (Secret stringData), pkg/apis/batch/v1/defaults.go (SetDefaults_Job, SetDefaults_CronJob),
 * pkg/apis/autoscaling/v2/defaults.go (SetDefaults_HorizontalPodAutoscaler and the scaling rules
 * of GenerateHPAScaleUpRules / GenerateHPAScaleDownRules), pkg/apis/networking/v1/defaults.go.
 *
 *     kind: Service                      kind: Service
 *     spec:                              spec:
 *       ports:                 →           ports:
 *         - port: 80                         - port: 80
 *                                              protocol: TCP
 *                                              targetPort: 80
 *                                          type: ClusterIP
 *                                          sessionAffinity: None
 */
import { absent, isObject, str, type Catalog, type JsonObject } from './catalogTypes';

const NODE_PORTS = new Set(['NodePort', 'LoadBalancer']);

/** UTF-8 text as base64, as the server stores a Secret's stringData in data. */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The scaling rules the server fills into a `behavior` that is given (GenerateHPAScale*Rules). */
const SCALE_UP = { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] };
const SCALE_DOWN = { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };

function scalingRules(defaults: JsonObject) {
  return (behavior: JsonObject, field: string): unknown => (isObject(behavior[field]) ? undefined : structuredClone(defaults));
}

const MAX_INT32 = 2147483647;

export const COMPANION_DEFAULTS: Catalog = {
  'core.v1.Service': { children: { spec: { type: 'core.v1.ServiceSpec' } } },
  'core.v1.ServiceSpec': {
    fields: [
      { field: 'type', value: 'ClusterIP' },
      { field: 'sessionAffinity', value: 'None' },
      {
        field: 'sessionAffinityConfig',
        value: (spec: JsonObject) => (str(spec, 'sessionAffinity') === 'ClientIP' ? { clientIP: { timeoutSeconds: 10800 } } : undefined),
        describe: '`clientIP.timeoutSeconds: 10800` with `sessionAffinity: ClientIP`',
      },
      { field: 'externalTrafficPolicy', value: (spec: JsonObject) => (NODE_PORTS.has(str(spec, 'type')) ? 'Cluster' : undefined), describe: '`Cluster` for a NodePort or LoadBalancer Service' },
      { field: 'internalTrafficPolicy', value: (spec: JsonObject) => (str(spec, 'type') === 'ExternalName' ? undefined : 'Cluster'), describe: '`Cluster` (not for ExternalName)' },
      { field: 'allocateLoadBalancerNodePorts', value: (spec: JsonObject) => (str(spec, 'type') === 'LoadBalancer' ? true : undefined), describe: '`true` for a LoadBalancer Service' },
    ],
    children: { ports: { type: 'core.v1.ServicePort', shape: 'list' }, sessionAffinityConfig: { type: 'core.v1.SessionAffinityConfig' } },
  },
  'core.v1.SessionAffinityConfig': { children: { clientIP: { type: 'core.v1.ClientIPConfig' } } },
  'core.v1.ClientIPConfig': { fields: [{ field: 'timeoutSeconds', value: 10800 }] },
  'core.v1.ServicePort': {
    fields: [
      { field: 'protocol', value: 'TCP' },
      { field: 'targetPort', value: (port: JsonObject) => port['port'], zeroToo: true, describe: 'the value of `port`' },
    ],
  },
  'core.v1.PersistentVolumeClaim': { children: { spec: { type: 'core.v1.PersistentVolumeClaimSpec' } } },
  'core.v1.Secret': {
    fields: [{ field: 'type', value: 'Opaque' }],
    rewrite(secret) {
      const stringData = secret['stringData'];
      if (!isObject(stringData)) return;
      const data = isObject(secret['data']) ? secret['data'] : (secret['data'] = {});
      for (const [key, value] of Object.entries(stringData)) data[key] = base64(String(value ?? ''));
      delete secret['stringData'];
    },
  },
  'batch.v1.Job': {
    rewrite(job) {
      // A Job without labels takes its pod template's.
      const labels = isObject(job['spec']) && isObject(job['spec']['template']) && isObject(job['spec']['template']['metadata']) ? job['spec']['template']['metadata']['labels'] : undefined;
      const metadata = isObject(job['metadata']) ? job['metadata'] : undefined;
      if (metadata && isObject(labels) && Object.keys(labels).length > 0 && !(isObject(metadata['labels']) && Object.keys(metadata['labels']).length > 0)) {
        metadata['labels'] = structuredClone(labels);
      }
    },
    children: { spec: { type: 'batch.v1.JobSpec' } },
  },
  'batch.v1.JobSpec': {
    fields: [
      { field: 'completions', value: (spec: JsonObject) => (absent(spec['parallelism']) ? 1 : undefined), describe: '`1` when `parallelism` is not set either' },
      { field: 'parallelism', value: 1 },
      { field: 'backoffLimit', value: (spec: JsonObject) => (absent(spec['backoffLimitPerIndex']) ? 6 : MAX_INT32), describe: '`6` (`2147483647` with `backoffLimitPerIndex`)' },
      { field: 'completionMode', value: 'NonIndexed' },
      { field: 'suspend', value: false },
      { field: 'podReplacementPolicy', value: (spec: JsonObject) => (isObject(spec['podFailurePolicy']) ? 'Failed' : 'TerminatingOrFailed'), describe: '`TerminatingOrFailed` (`Failed` with a `podFailurePolicy`)' },
      { field: 'manualSelector', value: false },
    ],
    children: { template: { type: 'core.v1.PodTemplateSpec' }, podFailurePolicy: { type: 'batch.v1.PodFailurePolicy' } },
  },
  'batch.v1.PodFailurePolicy': { children: { rules: { type: 'batch.v1.PodFailurePolicyRule', shape: 'list' } } },
  'batch.v1.PodFailurePolicyRule': { children: { onPodConditions: { type: 'batch.v1.PodFailurePolicyOnPodConditionsPattern', shape: 'list' } } },
  'batch.v1.PodFailurePolicyOnPodConditionsPattern': { fields: [{ field: 'status', value: 'True' }] },
  'batch.v1.CronJob': { children: { spec: { type: 'batch.v1.CronJobSpec' } } },
  'batch.v1.CronJobSpec': {
    fields: [
      { field: 'concurrencyPolicy', value: 'Allow', surprising: true },
      { field: 'suspend', value: false },
      { field: 'successfulJobsHistoryLimit', value: 3 },
      { field: 'failedJobsHistoryLimit', value: 1 },
    ],
    // The Job spec inside is defaulted when the controller creates a Job from it, not here.
    children: { jobTemplate: { type: 'batch.v1.JobTemplateSpec' } },
  },
  'batch.v1.JobTemplateSpec': { children: { spec: { type: 'batch.v1.JobTemplateSpec.spec' } } },
  'batch.v1.JobTemplateSpec.spec': { children: { template: { type: 'core.v1.PodTemplateSpec' } } },
  'autoscaling.v2.HorizontalPodAutoscaler': { children: { spec: { type: 'autoscaling.v2.HorizontalPodAutoscalerSpec' } } },
  'autoscaling.v2.HorizontalPodAutoscalerSpec': {
    fields: [
      { field: 'minReplicas', value: 1 },
      {
        field: 'metrics',
        value: (spec: JsonObject) => (Array.isArray(spec['metrics']) && spec['metrics'].length > 0 ? undefined : [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]),
        describe: 'CPU at 80% average utilization',
      },
    ],
    children: { behavior: { type: 'autoscaling.v2.HorizontalPodAutoscalerBehavior' } },
  },
  'autoscaling.v2.HorizontalPodAutoscalerBehavior': {
    fields: [
      { field: 'scaleUp', value: (b: JsonObject) => scalingRules(SCALE_UP)(b, 'scaleUp'), describe: 'at most 4 pods or 100% per 15 s, whichever is more, without stabilization' },
      { field: 'scaleDown', value: (b: JsonObject) => scalingRules(SCALE_DOWN)(b, 'scaleDown'), describe: 'at most 100% per 15 s' },
    ],
    children: { scaleUp: { type: 'autoscaling.v2.HPAScalingRules@up' }, scaleDown: { type: 'autoscaling.v2.HPAScalingRules@down' } },
  },
  'autoscaling.v2.HPAScalingRules@up': {
    fields: [
      { field: 'stabilizationWindowSeconds', value: 0 },
      { field: 'selectPolicy', value: 'Max' },
      { field: 'policies', value: () => structuredClone(SCALE_UP.policies) },
    ],
  },
  'autoscaling.v2.HPAScalingRules@down': {
    fields: [
      { field: 'selectPolicy', value: 'Max' },
      { field: 'policies', value: () => structuredClone(SCALE_DOWN.policies) },
    ],
  },
  'networking.v1.NetworkPolicy': { children: { spec: { type: 'networking.v1.NetworkPolicySpec' } } },
  'networking.v1.NetworkPolicySpec': {
    fields: [
      {
        field: 'policyTypes',
        value: (spec: JsonObject) => (Array.isArray(spec['egress']) && spec['egress'].length > 0 ? ['Ingress', 'Egress'] : ['Ingress']),
        describe: '`[Ingress]`, and `Egress` when egress rules are given',
      },
    ],
    children: { ingress: { type: 'networking.v1.NetworkPolicyIngressRule', shape: 'list' }, egress: { type: 'networking.v1.NetworkPolicyEgressRule', shape: 'list' } },
  },
  'networking.v1.NetworkPolicyIngressRule': { children: { ports: { type: 'networking.v1.NetworkPolicyPort', shape: 'list' } } },
  'networking.v1.NetworkPolicyEgressRule': { children: { ports: { type: 'networking.v1.NetworkPolicyPort', shape: 'list' } } },
  'networking.v1.NetworkPolicyPort': { fields: [{ field: 'protocol', value: 'TCP' }] },
};
