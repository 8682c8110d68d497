import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KIND_BRIEF, KIND_FACT_ROWS, KIND_ORDER, kindFact } from '../../server/src/core/kinds/kindFacts';
import { apiVersionFact, removedApiVersions, servingApiVersions } from '../../server/src/core/kinds/apiVersions';

describe('kind facts', () => {
  test('every row has a fact for every kind, and every kind a one-line brief', () => {
    assert.deepEqual(KIND_FACT_ROWS.map((r) => r.id), ['purpose', 'identity', 'scaling', 'updates', 'ordering', 'storage', 'network', 'deletion', 'uniqueFields', 'typical']);
    for (const row of KIND_FACT_ROWS) for (const kind of KIND_ORDER) assert.ok(row.values[kind].length > 20, `${row.id}/${kind}`);
    for (const kind of KIND_ORDER) {
      for (const line of [KIND_BRIEF[kind].scales, KIND_BRIEF[kind].updates]) assert.ok(line.length > 20 && line.length <= 110, `${kind}: ${line}`);
    }
  });

  test('the brief lines agree with the rows: DaemonSet without replicas, ReplicaSet without updates', () => {
    assert.match(KIND_BRIEF.DaemonSet.scales, /No `replicas`/);
    for (const word of ['RollingUpdate', 'maxUnavailable', 'maxSurge', 'OnDelete']) assert.match(KIND_BRIEF.DaemonSet.updates, new RegExp(word));
    assert.match(KIND_BRIEF.ReplicaSet.updates, /never touches existing pods/);
    assert.match(KIND_BRIEF.StatefulSet.updates, /OnDelete/);
  });

  // Each test pins a correction from /work/shared/seeds/ERRATA.md.
  test('DaemonSet pods are <name>-<5 random chars>, not named after the node', () => {
    assert.match(kindFact('DaemonSet', 'identity'), /`<name>-<5 random chars>`/);
    assert.doesNotMatch(kindFact('DaemonSet', 'identity'), /<node-name>/);
  });

  test('DaemonSet supports RollingUpdate with maxUnavailable/maxSurge, and OnDelete', () => {
    const updates = kindFact('DaemonSet', 'updates');
    for (const word of ['RollingUpdate', 'maxUnavailable', 'maxSurge', 'OnDelete']) assert.match(updates, new RegExp(word));
  });

  test('a ReplicaSet never updates existing pods', () => {
    assert.match(kindFact('ReplicaSet', 'updates'), /never touches existing pods/);
    assert.doesNotMatch(kindFact('ReplicaSet', 'updates'), /simultaneous/i);
  });

  test('StatefulSet ordering only with OrderedReady; Parallel has none; deleting the object is unordered', () => {
    assert.match(kindFact('StatefulSet', 'ordering'), /Only with `podManagementPolicy: OrderedReady`/);
    assert.match(kindFact('StatefulSet', 'ordering'), /`Parallel` starts and stops them all at once/);
    assert.match(kindFact('StatefulSet', 'deletion'), /no ordering guarantee/);
  });

  test('DaemonSet runs on every eligible node, and a StatefulSet has no per-node guarantee', () => {
    assert.match(kindFact('DaemonSet', 'purpose'), /every eligible node/);
    for (const row of KIND_FACT_ROWS) assert.doesNotMatch(row.values.StatefulSet, /one pod per node/i);
  });

  test('Deployment and ReplicaSet storage is shared, not "shared storage only"', () => {
    assert.match(kindFact('Deployment', 'storage'), /Any volume type/);
    assert.match(kindFact('ReplicaSet', 'storage'), /No per-pod claims/);
  });

  test('a DaemonSet has no replicas field', () => {
    assert.match(kindFact('DaemonSet', 'scaling'), /No `replicas` field/);
  });
});

describe('apiVersion facts', () => {
  test('apps/v1 serves all four kinds today', () => {
    for (const kind of KIND_ORDER) assert.deepEqual(servingApiVersions(kind), ['apps/v1']);
  });

  test('removed versions, the kinds they served, and when they went', () => {
    assert.deepEqual(apiVersionFact('extensions/v1beta1')?.kinds, ['Deployment', 'DaemonSet', 'ReplicaSet']);
    assert.deepEqual(apiVersionFact('apps/v1beta1')?.kinds, ['Deployment', 'StatefulSet']);
    assert.equal(apiVersionFact('apps/v1beta2')?.kinds.length, 4);
    for (const v of ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2']) {
      const fact = apiVersionFact(v)!;
      assert.equal(fact.stoppedServingIn, '1.16');
      assert.equal(fact.removedIn, '1.18');
      assert.equal(fact.replacement, 'apps/v1');
    }
    assert.deepEqual(removedApiVersions('StatefulSet').map((f) => f.apiVersion).sort(), ['apps/v1beta1', 'apps/v1beta2']);
  });
});
