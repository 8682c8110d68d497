import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  MODEL, apiReferenceUrl, fieldAt, getType, parseTypeExpr, resolvePath, rootTypeFor, typeInWords,
} from '../../server/src/core/model/model';

const CURRENT_ROOTS = [
  ...['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].map((k) => `apps.v1.${k}`),
  ...['Service', 'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim', 'Pod', 'Namespace'].map((k) => `core.v1.${k}`),
  'batch.v1.Job', 'batch.v1.CronJob', 'autoscaling.v2.HorizontalPodAutoscaler', 'autoscaling.v1.HorizontalPodAutoscaler',
  'policy.v1.PodDisruptionBudget', 'networking.v1.NetworkPolicy', 'networking.v1.Ingress',
];

/** Every type id reachable from the given roots through ref/array/map type expressions. */
function reachableTypes(roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const field of Object.values(getType(id)?.fields ?? {})) {
      const target = /^(?:array:|map:)*ref:(.+)$/.exec(field.type)?.[1];
      if (target) queue.push(target);
    }
  }
  return seen;
}

/** Finds the repository root from the bundle's location (out/test/... or test/unit). */
function repoRoot(): string {
  let dir = process.cwd();
  while (!existsSync(path.join(dir, 'scripts', 'genModel.mjs'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('repository root with scripts/genModel.mjs not found');
    dir = parent;
  }
  return dir;
}

describe('model coverage', () => {
  test('every field reachable from the served kinds has a description', () => {
    const reachable = reachableTypes(CURRENT_ROOTS);
    assert.ok(reachable.size > 100, `only ${reachable.size} types reachable`);
    for (const id of reachable) {
      const type = getType(id);
      assert.ok(type, `missing type ${id}`);
      for (const [name, field] of Object.entries(type.fields)) {
        assert.ok(field.description.trim().length > 0, `${id}.${name} has no description`);
      }
    }
  });

  test('every ref points to a type in the model', () => {
    for (const [id, type] of Object.entries(MODEL.types)) {
      for (const [name, field] of Object.entries(type.fields)) {
        const target = /^(?:array:|map:)*ref:(.+)$/.exec(field.type)?.[1];
        if (target) assert.ok(getType(target), `${id}.${name} refers to missing ${target}`);
      }
    }
  });

  test('roots include the current and legacy workload kinds', () => {
    assert.equal(rootTypeFor('apps/v1', 'Deployment'), 'apps.v1.Deployment');
    assert.equal(rootTypeFor('apps/v1', 'StatefulSet'), 'apps.v1.StatefulSet');
    assert.equal(rootTypeFor('extensions/v1beta1', 'Deployment'), 'extensions.v1beta1.Deployment');
    assert.equal(rootTypeFor('extensions/v1beta1', 'DaemonSet'), 'extensions.v1beta1.DaemonSet');
    assert.equal(rootTypeFor('apps/v1beta1', 'StatefulSet'), 'apps.v1beta1.StatefulSet');
    assert.equal(rootTypeFor('apps/v1beta2', 'ReplicaSet'), 'apps.v1beta2.ReplicaSet');
    assert.equal(rootTypeFor('apps/v1', 'Pod'), undefined);
    assert.equal(rootTypeFor('apps/v1', 'constructor'), undefined);
  });

  test('roots include the kinds beside workloads, in the group versions the server serves', () => {
    assert.equal(rootTypeFor('v1', 'Service'), 'core.v1.Service');
    assert.equal(rootTypeFor('v1', 'Pod'), 'core.v1.Pod');
    assert.equal(rootTypeFor('batch/v1', 'CronJob'), 'batch.v1.CronJob');
    assert.equal(rootTypeFor('autoscaling/v2', 'HorizontalPodAutoscaler'), 'autoscaling.v2.HorizontalPodAutoscaler');
    assert.equal(rootTypeFor('autoscaling/v1', 'HorizontalPodAutoscaler'), 'autoscaling.v1.HorizontalPodAutoscaler');
    assert.equal(rootTypeFor('networking.k8s.io/v1', 'Ingress'), 'networking.v1.Ingress');
    assert.equal(rootTypeFor('policy/v1', 'PodDisruptionBudget'), 'policy.v1.PodDisruptionBudget');
    // Removed versions are not modelled: autoscaling/v2beta2 stopped being served in 1.26.
    assert.equal(rootTypeFor('autoscaling/v2beta2', 'HorizontalPodAutoscaler'), undefined);
    // A Job's pod template is the same type as a workload's.
    assert.equal(fieldAt('batch.v1.JobSpec', 'template')?.type, 'ref:core.v1.PodTemplateSpec');
    assert.equal(fieldAt('autoscaling.v2.MetricTarget', 'averageUtilization')?.type, 'integer');
    assert.deepEqual(fieldAt('core.v1.ServiceSpec', 'type')?.enum, ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
  });

  test('header names its sources and the Kubernetes version', () => {
    assert.equal(MODEL.header.kubernetesVersion, '1.36');
    assert.match(MODEL.header.comment, /do not edit/);
    assert.ok(MODEL.header.sources.some((s) => s.name === 'kubernetes-types' && s.kubernetes === '1.30'));
    assert.ok(MODEL.header.sources.some((s) => s.name === 'kubernetes-models' && s.kubernetes === '1.36'));
  });

  test('apiVersion and kind of root kinds are consts', () => {
    assert.equal(fieldAt('apps.v1.Deployment', 'apiVersion')?.const, 'apps/v1');
    assert.equal(fieldAt('apps.v1.StatefulSet', 'kind')?.const, 'StatefulSet');
    assert.equal(fieldAt('extensions.v1beta1.Deployment', 'apiVersion')?.const, 'extensions/v1beta1');
  });
});

/** [type id, field, values that must all be present] from k8s-rules.md §1.4 and the overlay. */
const ENUMS: readonly [string, string, readonly string[]][] = [
  ['core.v1.Container', 'imagePullPolicy', ['Always', 'Never', 'IfNotPresent']],
  ['core.v1.EphemeralContainer', 'imagePullPolicy', ['Always', 'Never', 'IfNotPresent']],
  ['core.v1.PodSpec', 'restartPolicy', ['Always', 'OnFailure', 'Never']],
  ['core.v1.PodSpec', 'dnsPolicy', ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None']],
  ['core.v1.PodSpec', 'preemptionPolicy', ['Never', 'PreemptLowerPriority']],
  ['core.v1.ContainerPort', 'protocol', ['TCP', 'UDP', 'SCTP']],
  ['apps.v1.DaemonSetUpdateStrategy', 'type', ['OnDelete', 'RollingUpdate']],
  ['apps.v1.DeploymentStrategy', 'type', ['Recreate', 'RollingUpdate']],
  ['core.v1.Toleration', 'effect', ['NoSchedule', 'PreferNoSchedule', 'NoExecute']],
  ['core.v1.PodSecurityContext', 'fsGroupChangePolicy', ['OnRootMismatch', 'Always']],
  ['core.v1.NodeSelectorRequirement', 'operator', ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']],
  ['apps.v1.StatefulSetSpec', 'podManagementPolicy', ['OrderedReady', 'Parallel']],
  ['apps.v1.StatefulSetUpdateStrategy', 'type', ['OnDelete', 'RollingUpdate']],
  ['core.v1.Container', 'terminationMessagePolicy', ['File', 'FallbackToLogsOnError']],
  ['core.v1.HTTPGetAction', 'scheme', ['HTTP', 'HTTPS']],
  ['core.v1.HostPathVolumeSource', 'type', ['DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket']],
  ['core.v1.SeccompProfile', 'type', ['RuntimeDefault', 'Unconfined', 'Localhost']],
  ['core.v1.SecurityContext', 'procMount', ['Default', 'Unmasked']],
  ['core.v1.PersistentVolumeClaimSpec', 'volumeMode', ['Block', 'Filesystem']],
  ['core.v1.VolumeMount', 'mountPropagation', ['None', 'HostToContainer', 'Bidirectional']],
  ['core.v1.TopologySpreadConstraint', 'whenUnsatisfiable', ['DoNotSchedule', 'ScheduleAnyway']],
  // The hand-written overlay: values only Go validation knows.
  ['apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy', 'whenDeleted', ['Retain', 'Delete']],
  ['apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy', 'whenScaled', ['Retain', 'Delete']],
  ['core.v1.PersistentVolumeClaimSpec', 'accessModes', ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']],
  ['meta.v1.LabelSelectorRequirement', 'operator', ['In', 'NotIn', 'Exists', 'DoesNotExist']],
  ['core.v1.PodOS', 'name', ['linux', 'windows']],
  ['core.v1.ContainerResizePolicy', 'resourceName', ['cpu', 'memory']],
  ['core.v1.ContainerResizePolicy', 'restartPolicy', ['NotRequired', 'RestartContainer']],
];

describe('enums', () => {
  for (const [typeId, name, values] of ENUMS) {
    test(`${typeId}.${name}`, () => {
      const field = fieldAt(typeId, name);
      assert.ok(field, `missing field ${typeId}.${name}`);
      for (const value of values) assert.ok(field.enum?.includes(value), `${value} missing from ${field.enum}`);
    });
  }

  test('accessModes is a list of strings whose items carry the enum', () => {
    assert.equal(fieldAt('core.v1.PersistentVolumeClaimSpec', 'accessModes')?.type, 'array:string');
  });
});

describe('special types and required-ness', () => {
  test('ports and rolling-update budgets are IntOrString', () => {
    assert.equal(fieldAt('core.v1.HTTPGetAction', 'port')?.type, 'IntOrString');
    assert.equal(fieldAt('core.v1.TCPSocketAction', 'port')?.type, 'IntOrString');
    for (const id of ['apps.v1.RollingUpdateDeployment', 'apps.v1.RollingUpdateDaemonSet']) {
      assert.equal(fieldAt(id, 'maxSurge')?.type, 'IntOrString');
      assert.equal(fieldAt(id, 'maxUnavailable')?.type, 'IntOrString');
    }
    assert.equal(fieldAt('apps.v1.RollingUpdateStatefulSetStrategy', 'maxUnavailable')?.type, 'IntOrString');
  });

  test('resources are maps of Quantity, replicas an integer, timestamps Time', () => {
    assert.equal(fieldAt('core.v1.ResourceRequirements', 'limits')?.type, 'map:Quantity');
    assert.equal(fieldAt('core.v1.EmptyDirVolumeSource', 'sizeLimit')?.type, 'Quantity');
    assert.equal(fieldAt('apps.v1.DeploymentSpec', 'replicas')?.type, 'integer');
    assert.equal(fieldAt('meta.v1.ObjectMeta', 'creationTimestamp')?.type, 'Time');
    assert.equal(fieldAt('meta.v1.ManagedFieldsEntry', 'fieldsV1')?.type, 'object');
  });

  test('required follows Kubernetes 1.36', () => {
    assert.equal(fieldAt('apps.v1.StatefulSetSpec', 'serviceName')?.required, undefined);
    assert.equal(fieldAt('apps.v1.StatefulSetSpec', 'selector')?.required, true);
    assert.equal(fieldAt('core.v1.Container', 'name')?.required, true);
    assert.equal(fieldAt('apps.v1.DeploymentSpec', 'replicas')?.required, undefined);
  });

  test('inline volumeClaimTemplates items become a named synthetic type', () => {
    const field = fieldAt('apps.v1.StatefulSetSpec', 'volumeClaimTemplates');
    assert.equal(field?.type, 'array:ref:apps.v1.StatefulSetSpec.volumeClaimTemplates');
    assert.equal(typeInWords(field!.type), 'list of PersistentVolumeClaim');
    assert.ok(fieldAt('apps.v1.StatefulSetSpec.volumeClaimTemplates', 'spec'));
  });
});

describe('since', () => {
  test('fields present in 1.30 have no since', () => {
    assert.equal(fieldAt('core.v1.Container', 'restartPolicy')?.since, undefined);
    assert.equal(fieldAt('apps.v1.StatefulSetSpec', 'ordinals')?.since, undefined);
  });

  test('fields newer than 1.30 are dated by package snapshots', () => {
    // Lifecycle.stopSignal is in kubernetes-models 4.5 (Kubernetes 1.33) but not kubernetes-types 1.30.
    const stopSignal = fieldAt('core.v1.Lifecycle', 'stopSignal');
    assert.equal(stopSignal?.since, '1.31');
    assert.equal(stopSignal?.sinceUpTo, '1.33');
    // Container.restartPolicyRules is absent from the 1.33 snapshot and present in 1.36.
    const rules = fieldAt('core.v1.Container', 'restartPolicyRules');
    assert.equal(rules?.since, '1.34');
    assert.equal(rules?.sinceUpTo, '1.36');
    assert.equal(fieldAt('core.v1.Volume', 'image')?.since, '1.31');
  });
});

describe('API', () => {
  test('parseTypeExpr splits one level and is memoised', () => {
    assert.deepEqual(parseTypeExpr('array:ref:core.v1.Container'), { kind: 'array', item: 'ref:core.v1.Container' });
    assert.deepEqual(parseTypeExpr('map:Quantity'), { kind: 'map', value: 'Quantity' });
    assert.deepEqual(parseTypeExpr('ref:core.v1.PodSpec'), { kind: 'ref', id: 'core.v1.PodSpec' });
    assert.deepEqual(parseTypeExpr('IntOrString'), { kind: 'IntOrString' });
    assert.equal(parseTypeExpr('map:string'), parseTypeExpr('map:string'));
  });

  test('typeInWords', () => {
    assert.equal(typeInWords('integer'), 'integer');
    assert.equal(typeInWords('IntOrString'), 'IntOrString (integer or string such as "25%")');
    assert.equal(typeInWords('Quantity'), 'Quantity');
    assert.equal(typeInWords('object'), 'object');
    assert.equal(typeInWords('ref:core.v1.Container'), 'Container');
    assert.equal(typeInWords('array:ref:core.v1.Container'), 'list of Container');
    assert.equal(typeInWords('map:Quantity'), 'map of string to Quantity');
    assert.equal(typeInWords('array:string'), 'list of string');
  });

  test('resolvePath walks fields, list items and map values', () => {
    const image = resolvePath('apps.v1.Deployment', ['spec', 'template', 'spec', 'containers', 0, 'image']);
    assert.equal(image?.typeExpr, 'string');
    assert.equal(image?.ownerTypeId, 'core.v1.Container');
    assert.ok(image?.field?.description);
    const cpu = resolvePath('apps.v1.Deployment', ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'cpu']);
    assert.equal(cpu?.typeExpr, 'Quantity');
    const item = resolvePath('apps.v1.StatefulSet', ['spec', 'template', 'spec', 'containers', 1]);
    assert.equal(item?.typeExpr, 'ref:core.v1.Container');
    assert.equal(resolvePath('apps.v1.Deployment', [])?.typeExpr, 'ref:apps.v1.Deployment');
  });

  test('resolvePath rejects paths that leave the schema', () => {
    assert.equal(resolvePath('apps.v1.Deployment', ['spec', 'nope']), undefined);
    assert.equal(resolvePath('apps.v1.Deployment', ['spec', 'template', 'spec', 'containers', 'x']), undefined);
    assert.equal(resolvePath('apps.v1.Deployment', ['spec', 'replicas', 'x']), undefined);
    assert.equal(resolvePath('apps.v1.Deployment', ['spec', 'toString']), undefined);
    assert.equal(resolvePath('no.such.Type', ['spec']), undefined);
  });

  test('apiReferenceUrl', () => {
    assert.equal(apiReferenceUrl('apps.v1.Deployment'),
      'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/deployment-v1/');
    assert.equal(apiReferenceUrl('core.v1.Container'),
      'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Container');
    assert.equal(apiReferenceUrl('apps.v1.DeploymentStrategy'),
      'https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.36/#deploymentstrategy-v1-apps');
    assert.equal(apiReferenceUrl('core.v1.Probe'),
      'https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.36/#probe-v1-core');
    assert.match(apiReferenceUrl('extensions.v1beta1.Deployment'), /deprecation-guide/);
  });
});

describe('generated file', () => {
  test('k8sModel.json is up to date with its generator', () => {
    const result = spawnSync(process.execPath, ['scripts/genModel.mjs', '--check'], {
      cwd: repoRoot(), encoding: 'utf8',
    });
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
  });
});
