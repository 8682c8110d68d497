/**
 * The best-practice catalogue as a whole: ids, docs pages, the `data` quick-fixes read, Helm
 * tolerance, and no warnings on the shipped examples.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BEST_PRACTICE_RULES } from '../../../../server/src/core/rules/bestPracticeCatalog';
import { diagnose } from '../../../support/annotations';
import { REPO_ROOT } from '../../../support/lspClient';
import { lines } from '../../../support/text';
import { podSpec } from './workload';

const BEST_PRACTICE_IDS = new Set(BEST_PRACTICE_RULES.map((r) => r.id));

describe('best-practice catalogue', () => {
  test('has at least 25 rules with unique kebab-case ids, each with a docs page that shows a fix', () => {
    assert.ok(BEST_PRACTICE_RULES.length >= 25, `${BEST_PRACTICE_RULES.length} rules`);
    assert.equal(BEST_PRACTICE_IDS.size, BEST_PRACTICE_RULES.length);
    for (const rule of BEST_PRACTICE_RULES) {
      assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
      assert.equal(rule.category, 'best-practice');
      const page = path.join(REPO_ROOT, 'docs', 'rules', `${rule.id}.md`);
      assert.ok(fs.existsSync(page), `docs/rules/${rule.id}.md exists`);
      const text = fs.readFileSync(page, 'utf8');
      assert.match(text, new RegExp(`^# ${rule.id}\\n`));
      assert.match(text, /## Example[\s\S]*```yaml[\s\S]*## Fix[\s\S]*```yaml/);
    }
  });

  test('CPU limits, single replicas and the opinionated checks are off by default', () => {
    const off = BEST_PRACTICE_RULES.filter((r) => r.defaultSeverity === 'off').map((r) => r.id).sort();
    assert.deepEqual(off, ['automount-service-account-token', 'cpu-limits', 'default-namespace', 'privileged-ports', 'pull-policy-always', 'single-replica']);
  });

  test('a container finding carries the container path and name for its quick-fix', () => {
    const text = podSpec('      containers:', '      - name: web', '        image: nginx:1.27.3', '      - name: side', '        image: busybox:1.37');
    const d = diagnose(text).find((x) => x.code === 'memory-limits' && (x.data as { containerName?: string }).containerName === 'side');
    assert.ok(d, 'memory-limits on the second container');
    assert.deepEqual((d.data as Record<string, unknown>)['containerPath'], ['spec', 'template', 'spec', 'containers', 1]);
    assert.deepEqual((d.data as Record<string, unknown>)['resourcesPath'], ['spec', 'template', 'spec', 'containers', 1, 'resources', 'limits']);
    assert.equal((d.data as Record<string, unknown>)['ruleId'], 'memory-limits');
  });

  test('a Helm chart whose resources and securityContext come from values gets no finding about them', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ include "app.fullname" . }}',
      'spec:',
      '  replicas: {{ .Values.replicaCount }}',
      '  template:',
      '    spec:',
      '      {{- with .Values.podSecurityContext }}',
      '      securityContext:',
      '        {{- toYaml . | nindent 8 }}',
      '      {{- end }}',
      '      containers:',
      '      - name: app',
      '        image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
      '        ports: [{name: http, containerPort: 8080}]',
      '        {{- include "app.probes" . | nindent 8 }}',
      '        securityContext:',
      '          {{- toYaml .Values.securityContext | nindent 10 }}',
      '        resources:',
      '          {{- toYaml .Values.resources | nindent 10 }}',
    );
    const found = diagnose(text).filter((d) => BEST_PRACTICE_IDS.has(String(d.code)));
    assert.deepEqual(found.map((d) => d.code), []);
  });

  test('a Helm chart with templated values only is still checked', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ .Release.Name }}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: app',
      '        image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
    );
    const found = diagnose(text).filter((d) => d.code === 'memory-limits' || d.code === 'latest-tag');
    assert.deepEqual(found.map((d) => d.code), ['memory-limits']);
  });

  test('the shipped examples (other than broken.yaml) get no best-practice warnings', () => {
    const dir = path.join(REPO_ROOT, 'examples');
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'broken.yaml')) {
      const found = diagnose(fs.readFileSync(path.join(dir, name), 'utf8'), {}, `file:///examples/${name}`).filter(
        (d) => BEST_PRACTICE_IDS.has(String(d.code)) && d.severity !== undefined && d.severity <= 2,
      );
      assert.deepEqual(found.map((d) => `${name}:${d.range.start.line + 1} ${String(d.code)}`), []);
    }
  });
});
