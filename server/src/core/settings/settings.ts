/**
 * Analysis settings: what the user configures under `kubeWorkloads` (per resource), normalised.
 * The server reads the raw section through workspace/configuration; the CLI from a config file.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';
export type Preset = 'recommended' | 'strict' | 'api-only';
/** Inlay hints with the API server's defaults: every one, only the surprising ones, or none. */
export type InlayHintsMode = 'on' | 'surprising' | 'off';

export const KUBERNETES_VERSIONS = ['1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'] as const;
export type KubernetesVersion = (typeof KUBERNETES_VERSIONS)[number];

export interface Settings {
  /** Minor version the manifests target; version-dependent rules follow it. */
  readonly kubernetesVersion: KubernetesVersion;
  readonly preset: Preset;
  /** Rule id → severity, overriding the preset. */
  readonly rules: Readonly<Record<string, SeverityOrOff>>;
  /** Files larger than this (in characters) are not analysed. */
  readonly maxFileSize: number;
  /** Show "Compare kinds · Convert to …" lenses above workload kinds. */
  readonly codeLens: boolean;
  readonly inlayHints: InlayHintsMode;
}

export const DEFAULT_SETTINGS: Settings = {
  kubernetesVersion: '1.36',
  preset: 'recommended',
  rules: {},
  maxFileSize: 5 * 1024 * 1024,
  codeLens: true,
  inlayHints: 'surprising',
};

const SEVERITIES: readonly SeverityOrOff[] = ['error', 'warning', 'info', 'hint', 'off'];
const PRESETS: readonly Preset[] = ['recommended', 'strict', 'api-only'];
const INLAY_HINTS: readonly InlayHintsMode[] = ['on', 'surprising', 'off'];

/** Accepts whatever the client sent (possibly nothing, possibly junk) and keeps what is valid. */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const version = String(r['kubernetesVersion'] ?? '');
  const rules: Record<string, SeverityOrOff> = {};
  if (r['rules'] && typeof r['rules'] === 'object') {
    for (const [id, value] of Object.entries(r['rules'] as Record<string, unknown>)) {
      const severity = normalizeSeverity(value);
      if (severity) rules[id] = severity;
    }
  }
  const maxFileSize = Number(r['maxFileSize']);
  return {
    kubernetesVersion: (KUBERNETES_VERSIONS as readonly string[]).includes(version)
      ? (version as KubernetesVersion)
      : DEFAULT_SETTINGS.kubernetesVersion,
    preset: PRESETS.includes(r['preset'] as Preset) ? (r['preset'] as Preset) : DEFAULT_SETTINGS.preset,
    rules,
    maxFileSize: Number.isFinite(maxFileSize) && maxFileSize > 0 ? maxFileSize : DEFAULT_SETTINGS.maxFileSize,
    codeLens: r['codeLens'] === undefined ? DEFAULT_SETTINGS.codeLens : r['codeLens'] !== false,
    inlayHints: INLAY_HINTS.includes(r['inlayHints'] as InlayHintsMode) ? (r['inlayHints'] as InlayHintsMode) : DEFAULT_SETTINGS.inlayHints,
  };
}

function normalizeSeverity(value: unknown): SeverityOrOff | undefined {
  const v = String(value).toLowerCase();
  if (v === 'information') return 'info';
  return SEVERITIES.includes(v as SeverityOrOff) ? (v as SeverityOrOff) : undefined;
}

/** Numeric comparison of "1.xx" versions. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const [a1, a2] = version.split('.').map(Number);
  const [b1, b2] = minimum.split('.').map(Number);
  return (a1 ?? 0) > (b1 ?? 0) || ((a1 ?? 0) === (b1 ?? 0) && (a2 ?? 0) >= (b2 ?? 0));
}

/** A stable key for memoising results that depend on settings. */
export function settingsKey(s: Settings): string {
  return JSON.stringify([s.kubernetesVersion, s.preset, s.rules]);
}
