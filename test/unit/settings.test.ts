/**
 * Settings: what normalizeSettings keeps from whatever the client sends, and how presets and
 * per-rule overrides decide the severity a user sees.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, normalizeSettings, settingsKey, versionAtLeast } from '../../server/src/core/settings/settings';
import { effectiveSeverity } from '../../server/src/core/features/diagnostics';
import { RULES_BY_ID } from '../../server/src/core/rules';
import { diagnose } from '../support/annotations';
import { lines } from '../support/text';

const rule = (id: string) => RULES_BY_ID.get(id)!;

const MANIFEST = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers:',
  '      - name: web',
  '        image: nginx:latest',
);

function severities(settings: Record<string, unknown>): Record<string, DiagnosticSeverity | undefined> {
  const out: Record<string, DiagnosticSeverity | undefined> = {};
  for (const d of diagnose(MANIFEST, settings)) out[String(d.code)] = d.severity;
  return out;
}

describe('settings', () => {
  test('nothing, null or junk gives the defaults', () => {
    assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(normalizeSettings(null), DEFAULT_SETTINGS);
    assert.deepEqual(normalizeSettings({ kubernetesVersion: '2.0', preset: 'loud', rules: 'all', maxFileSize: -1, codeLens: 'yes' }), DEFAULT_SETTINGS);
  });

  test('valid values are kept; severities are case-insensitive and "information" means info', () => {
    const s = normalizeSettings({ kubernetesVersion: '1.31', preset: 'strict', maxFileSize: 2048, codeLens: false, rules: { 'latest-tag': 'Information', 'cpu-limits': 'ERROR', 'host-port': 'loud' } });
    assert.equal(s.kubernetesVersion, '1.31');
    assert.equal(s.preset, 'strict');
    assert.equal(s.maxFileSize, 2048);
    assert.equal(s.codeLens, false);
    assert.deepEqual(s.rules, { 'latest-tag': 'info', 'cpu-limits': 'error' });
  });

  test('the memo key changes when anything that changes findings changes', () => {
    const base = settingsKey(normalizeSettings({}));
    assert.notEqual(settingsKey(normalizeSettings({ kubernetesVersion: '1.30' })), base);
    assert.notEqual(settingsKey(normalizeSettings({ preset: 'strict' })), base);
    assert.notEqual(settingsKey(normalizeSettings({ rules: { 'latest-tag': 'off' } })), base);
  });

  test('versions compare numerically', () => {
    assert.ok(versionAtLeast('1.36', '1.33'));
    assert.ok(!versionAtLeast('1.30', '1.33'));
    assert.ok(versionAtLeast('1.33', '1.33'));
  });

  test('recommended runs the default severities: cpu-limits stays off', () => {
    const s = normalizeSettings({});
    assert.equal(effectiveSeverity(rule('latest-tag'), s), 'warning');
    assert.equal(effectiveSeverity(rule('drop-net-raw'), s), 'info');
    assert.equal(effectiveSeverity(rule('cpu-limits'), s), 'off');
    const found = severities({});
    assert.equal(found['latest-tag'], DiagnosticSeverity.Warning);
    assert.equal(found['cpu-limits'], undefined);
  });

  test('strict turns every best-practice rule into a warning, also the ones off by default', () => {
    const found = severities({ preset: 'strict' });
    assert.equal(found['cpu-limits'], DiagnosticSeverity.Warning);
    assert.equal(found['drop-net-raw'], DiagnosticSeverity.Warning);
    assert.equal(found['single-replica'], DiagnosticSeverity.Warning);
  });

  test('api-only runs no best-practice rule but keeps what the API server rejects', () => {
    assert.deepEqual(severities({ preset: 'api-only' }), {});
    const broken = MANIFEST.replace('  selector: {matchLabels: {app: web}}\n', '');
    const codes = diagnose(broken, { preset: 'api-only' }).map((d) => RULES_BY_ID.get(String(d.code))?.category);
    assert.ok(codes.length > 0 && !codes.includes('best-practice'), 'a missing selector is still reported');
    assert.equal(effectiveSeverity(rule('yaml-syntax'), normalizeSettings({ preset: 'api-only' })), 'error');
  });

  test('a rule override beats the preset, in both directions', () => {
    const found = severities({ preset: 'api-only', rules: { 'cpu-limits': 'error', 'latest-tag': 'hint' } });
    assert.deepEqual(found, { 'cpu-limits': DiagnosticSeverity.Error, 'latest-tag': DiagnosticSeverity.Hint });
    assert.equal(severities({ preset: 'strict', rules: { 'latest-tag': 'off' } })['latest-tag'], undefined);
  });
});
