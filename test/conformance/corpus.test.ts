/**
 * No false alarms: every manifest of the real-world corpus (../shared/corpus, see its SOURCES.md)
 * gets no Error, except the files listed below, each with the reason and the exact errors.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnose } from '../support/annotations';
import { sharedPath } from '../support/shared';

const CORPUS = sharedPath('corpus');

/** File → the errors it really has ("<rule id>@<line>"), and why. */
const EXPECTED: Record<string, { reason: string; errors: string[] }> = {
  'kubernetes-examples/_archived/openshift-origin/etcd-controller.yaml': {
    reason: 'duplicate mapping key as published (SOURCES.md "Files with YAML errors")',
    errors: ['yaml-syntax@12'],
  },
  'kubernetes-examples/_archived/openshift-origin/etcd-discovery-controller.yaml': {
    reason: 'duplicate mapping key as published',
    errors: ['yaml-syntax@12'],
  },
  'kubernetes-examples/_archived/openshift-origin/openshift-controller.yaml': {
    reason: 'duplicate mapping key as published',
    errors: ['yaml-syntax@12'],
  },
  'kubernetes-examples/_archived/newrelic-infrastructure/newrelic-infra-daemonset.yaml': {
    reason: 'DaemonSet in extensions/v1beta1, removed in Kubernetes 1.16/1.18',
    errors: ['removed-api-version@1'],
  },
  'kubernetes-examples/_archived/cockroachdb/cockroachdb-statefulset.yaml': {
    reason: 'PodDisruptionBudget in policy/v1beta1, removed in Kubernetes 1.25',
    errors: ['removed-api-version@57'],
  },
  'kubernetes-examples/_archived/volumes/flexvolume/deploy/ds.yaml': {
    reason: 'DaemonSet in extensions/v1beta1, removed in Kubernetes 1.16/1.18',
    errors: ['removed-api-version@1'],
  },
  'kubernetes-website/content/en/examples/deployments/deployment-with-capacity-reservation.yaml': {
    reason:
      'genuinely invalid as published: a preferredDuringScheduling anti-affinity entry puts labelSelector/topologyKey ' +
      'directly in the WeightedPodAffinityTerm instead of under podAffinityTerm (with a weight); strict decoding rejects it',
    errors: ['missing-required@22', 'missing-required@22', 'unknown-field@22', 'unknown-field@25'],
  },
};

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

function errorsOf(file: string): string[] {
  return diagnose(readFileSync(file, 'utf8'), {}, `file://${file}`)
    .filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => `${String(d.code)}@${d.range.start.line + 1}`)
    .sort();
}

describe('corpus', () => {
  test('the corpus is there', () => {
    assert.ok(existsSync(CORPUS), `corpus not found at ${CORPUS}: the tests expect ../shared/corpus beside the repository`);
  });

  const files = existsSync(CORPUS) ? yamlFiles(CORPUS) : [];

  test('every manifest and Helm template gets no Error, except the files listed with their reason', () => {
    assert.ok(files.length >= 100, `expected the whole corpus, found ${files.length} files`);
    const unexpected: string[] = [];
    for (const file of files) {
      const rel = path.relative(CORPUS, file).split(path.sep).join('/');
      const expected = EXPECTED[rel]?.errors ?? [];
      const actual = errorsOf(file);
      if (JSON.stringify(actual) !== JSON.stringify([...expected].sort())) unexpected.push(`${rel}: ${actual.join(', ') || 'no errors'} (expected ${expected.join(', ') || 'none'})`);
    }
    assert.deepEqual(unexpected, []);
  });

  test('the Helm templates are checked, not skipped', () => {
    const helm = files.filter((f) => f.includes(`${path.sep}helm${path.sep}`));
    assert.ok(helm.length >= 4);
    const text = readFileSync(helm[0]!, 'utf8').replace(/^(\s*)name: .*$/m, '$1name: Bad_Name');
    assert.ok(diagnose(text).some((d) => d.code === 'invalid-name'), 'a literal invalid name in a template is still reported');
  });
});
