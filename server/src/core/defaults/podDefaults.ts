/**
 * Defaults of the pod template and everything in it: pod spec, containers, ports, probes,
 * handlers, volumes. They apply wherever a PodSpec is (Deployment … Job, CronJob, Pod).
 *
 * Source: kubernetes/kubernetes release-1.36, pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec,
 * SetDefaults_Pod, SetDefaults_Container, SetDefaults_ContainerPort, SetDefaults_Probe,
 * SetDefaults_HTTPGetAction, SetDefaults_ObjectFieldSelector, SetDefaults_Volume and the volume
 * sources' defaultMode, SetDefaults_HostPathVolumeSource, SetDefaults_ServiceAccountTokenProjection,
 * SetDefaults_PersistentVolumeClaimSpec), `+default` markers in staging/src/k8s.io/api/core/v1/types.go
 * (GRPCAction.service), and pkg/apis/core/v1/conversion.go (serviceAccount ↔ serviceAccountName).
 *
 *     containers:                        containers:
 *       - name: web                        - name: web
 *         image: nginx:1.27      →           image: nginx:1.27
 *                                            imagePullPolicy: IfNotPresent
 *                                            terminationMessagePath: /dev/termination-log
 *                                            terminationMessagePolicy: File
 */
import { absent, isObject, str, type Catalog, type JsonObject } from './catalogTypes';

/** 0644: the file mode of configMap, secret, projected and downwardAPI volumes. */
const DEFAULT_MODE = { field: 'defaultMode', value: 420, describe: '`420` (octal `0644`)' };

/**
 * The pull policy the server derives from an image reference (SetDefaults_Container with
 * parsers.ParseImageName): `Always` when the tag is `latest` or there is neither a tag nor a
 * digest, else `IfNotPresent`. A reference that does not parse has no tag: `IfNotPresent`.
 */
export function pullPolicyFor(image: string): 'Always' | 'IfNotPresent' {
  if (image === '' || /\s/.test(image)) return 'IfNotPresent';
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const colon = name.lastIndexOf(':');
  const tag = colon > name.lastIndexOf('/') ? name.slice(colon + 1) : '';
  const path = colon > name.lastIndexOf('/') ? name.slice(0, colon) : name;
  // Repository paths are lower case (the registry host before the first '/' may not be).
  const slash = path.indexOf('/');
  const repo = slash >= 0 && /[.:]|^localhost$/.test(path.slice(0, slash)) ? path.slice(slash + 1) : path;
  if (/[A-Z]/.test(repo)) return 'IfNotPresent';
  if (tag === '' && at < 0) return 'Always';
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

const imagePullPolicy = (obj: JsonObject) => pullPolicyFor(str(obj, 'image'));

/** The volume sources a Volume can name; with none, the server makes it an emptyDir. */
const VOLUME_FIELDS_NOT_SOURCES = new Set(['name']);

/** Requests copied from limits for every resource with a limit and no request (Pods only). */
function requestsFromLimits(container: unknown): void {
  if (!isObject(container) || !isObject(container['resources'])) return;
  const resources = container['resources'];
  const limits = resources['limits'];
  if (!isObject(limits)) return;
  const requests = isObject(resources['requests']) ? resources['requests'] : (resources['requests'] = {});
  for (const [name, value] of Object.entries(limits)) if (!(name in requests)) requests[name] = value;
}

/** On the host network a container port's hostPort is its containerPort (Pods only). */
function hostNetworkPorts(container: unknown): void {
  if (!isObject(container) || !Array.isArray(container['ports'])) return;
  for (const port of container['ports']) {
    if (isObject(port) && absent(port['hostPort']) && typeof port['containerPort'] === 'number') port['hostPort'] = port['containerPort'];
  }
}

const containerLists = (spec: JsonObject) => [spec['containers'], spec['initContainers']].flatMap((l) => (Array.isArray(l) ? l : []));

export const POD_DEFAULTS: Catalog = {
  'core.v1.PodTemplateSpec': { children: { spec: { type: 'core.v1.PodSpec' } } },
  'core.v1.Pod': {
    rewrite(pod) {
      const spec = pod['spec'];
      if (!isObject(spec)) return;
      for (const container of containerLists(spec)) requestsFromLimits(container);
      if (absent(spec['enableServiceLinks'])) spec['enableServiceLinks'] = true;
      if (spec['hostNetwork'] === true) for (const container of containerLists(spec)) hostNetworkPorts(container);
    },
    children: { spec: { type: 'core.v1.PodSpec' } },
  },
  'core.v1.PodSpec': {
    fields: [
      { field: 'dnsPolicy', value: 'ClusterFirst' },
      { field: 'restartPolicy', value: 'Always' },
      { field: 'terminationGracePeriodSeconds', value: 30, surprising: true },
      { field: 'schedulerName', value: 'default-scheduler' },
      // The v1 conversion keeps the deprecated name and the current one equal.
      { field: 'serviceAccount', value: (spec: JsonObject) => str(spec, 'serviceAccountName') || undefined, quiet: true, describe: 'the value of `serviceAccountName`' },
      { field: 'serviceAccountName', value: (spec: JsonObject) => str(spec, 'serviceAccount') || undefined, quiet: true, describe: 'the value of `serviceAccount`' },
    ],
    children: {
      containers: { type: 'core.v1.Container', shape: 'list' },
      initContainers: { type: 'core.v1.Container', shape: 'list' },
      ephemeralContainers: { type: 'core.v1.Container', shape: 'list' },
      volumes: { type: 'core.v1.Volume', shape: 'list' },
    },
  },
  'core.v1.Container': {
    fields: [
      { field: 'imagePullPolicy', value: imagePullPolicy, surprising: true, describe: '`Always` when the image tag is `:latest` or missing, otherwise `IfNotPresent`' },
      { field: 'terminationMessagePath', value: '/dev/termination-log' },
      { field: 'terminationMessagePolicy', value: 'File' },
    ],
    children: {
      ports: { type: 'core.v1.ContainerPort', shape: 'list' },
      livenessProbe: { type: 'core.v1.Probe' },
      readinessProbe: { type: 'core.v1.Probe' },
      startupProbe: { type: 'core.v1.Probe' },
      lifecycle: { type: 'core.v1.Lifecycle' },
      env: { type: 'core.v1.EnvVar', shape: 'list' },
    },
  },
  'core.v1.ContainerPort': { fields: [{ field: 'protocol', value: 'TCP' }] },
  'core.v1.Probe': {
    fields: [
      { field: 'timeoutSeconds', value: 1, zeroToo: true, surprising: true },
      { field: 'periodSeconds', value: 10, zeroToo: true, surprising: true },
      { field: 'successThreshold', value: 1, zeroToo: true, surprising: true },
      { field: 'failureThreshold', value: 3, zeroToo: true, surprising: true },
    ],
    children: { httpGet: { type: 'core.v1.HTTPGetAction' }, grpc: { type: 'core.v1.GRPCAction' } },
  },
  'core.v1.HTTPGetAction': {
    fields: [
      { field: 'path', value: '/' },
      { field: 'scheme', value: 'HTTP' },
    ],
  },
  'core.v1.GRPCAction': { fields: [{ field: 'service', value: '', describe: '`""` (the server\'s default gRPC health service)' }] },
  'core.v1.Lifecycle': { children: { postStart: { type: 'core.v1.LifecycleHandler' }, preStop: { type: 'core.v1.LifecycleHandler' } } },
  'core.v1.LifecycleHandler': { children: { httpGet: { type: 'core.v1.HTTPGetAction' } } },
  'core.v1.EnvVar': { children: { valueFrom: { type: 'core.v1.EnvVarSource' } } },
  'core.v1.EnvVarSource': { children: { fieldRef: { type: 'core.v1.ObjectFieldSelector' } } },
  'core.v1.ObjectFieldSelector': { fields: [{ field: 'apiVersion', value: 'v1' }] },
  'core.v1.Volume': {
    fields: [
      {
        field: 'emptyDir',
        value: (volume: JsonObject) => (Object.keys(volume).every((k) => VOLUME_FIELDS_NOT_SOURCES.has(k)) ? {} : undefined),
        describe: '`{}` when the volume names no source',
      },
    ],
    children: {
      configMap: { type: 'core.v1.ConfigMapVolumeSource' },
      secret: { type: 'core.v1.SecretVolumeSource' },
      projected: { type: 'core.v1.ProjectedVolumeSource' },
      downwardAPI: { type: 'core.v1.DownwardAPIVolumeSource' },
      hostPath: { type: 'core.v1.HostPathVolumeSource' },
      ephemeral: { type: 'core.v1.EphemeralVolumeSource' },
      iscsi: { type: 'core.v1.ISCSIVolumeSource' },
      image: { type: 'core.v1.ImageVolumeSource' },
    },
  },
  'core.v1.ConfigMapVolumeSource': { fields: [DEFAULT_MODE] },
  'core.v1.SecretVolumeSource': { fields: [DEFAULT_MODE] },
  'core.v1.ProjectedVolumeSource': {
    fields: [DEFAULT_MODE],
    children: { sources: { type: 'core.v1.VolumeProjection', shape: 'list' } },
  },
  'core.v1.VolumeProjection': {
    children: {
      serviceAccountToken: { type: 'core.v1.ServiceAccountTokenProjection' },
      downwardAPI: { type: 'core.v1.DownwardAPIProjection' },
    },
  },
  'core.v1.ServiceAccountTokenProjection': { fields: [{ field: 'expirationSeconds', value: 3600 }] },
  'core.v1.DownwardAPIProjection': { children: { items: { type: 'core.v1.DownwardAPIVolumeFile', shape: 'list' } } },
  'core.v1.DownwardAPIVolumeSource': {
    fields: [DEFAULT_MODE],
    children: { items: { type: 'core.v1.DownwardAPIVolumeFile', shape: 'list' } },
  },
  'core.v1.DownwardAPIVolumeFile': { children: { fieldRef: { type: 'core.v1.ObjectFieldSelector' } } },
  'core.v1.HostPathVolumeSource': { fields: [{ field: 'type', value: '', describe: '`""` (no check before mounting)' }] },
  'core.v1.EphemeralVolumeSource': { children: { volumeClaimTemplate: { type: 'core.v1.PersistentVolumeClaimTemplate' } } },
  'core.v1.PersistentVolumeClaimTemplate': { children: { spec: { type: 'core.v1.PersistentVolumeClaimSpec' } } },
  'core.v1.PersistentVolumeClaimSpec': { fields: [{ field: 'volumeMode', value: 'Filesystem' }] },
  'core.v1.ISCSIVolumeSource': { fields: [{ field: 'iscsiInterface', value: 'default' }] },
  'core.v1.ImageVolumeSource': {
    fields: [{ field: 'pullPolicy', value: (obj: JsonObject) => pullPolicyFor(str(obj, 'reference')), describe: '`Always` when the reference\'s tag is `:latest` or missing, otherwise `IfNotPresent`' }],
  },
};
