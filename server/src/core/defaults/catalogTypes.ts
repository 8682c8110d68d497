/**
 * The shape of the defaults catalog: for each API type (ids as in the model, `core.v1.Container`),
 * the fields the API server fills in when they are left out, and the fields holding other
 * defaulted types. It mirrors the server's own defaulting: the `SetDefaults_<Type>` functions of
 * pkg/apis/<group>/<version>/defaults.go, which the generated defaulters (zz_generated.defaults.go)
 * call for an object first and then for the objects inside it, and the few values the v1
 * conversion writes (pkg/apis/core/v1/conversion.go).
 */

/** A plain JSON object of a manifest (what `Document.toJS()` gives). */
export type JsonObject = Record<string, unknown>;

export interface DefaultingContext {
  /** The selected Kubernetes minor, e.g. 36 for 1.36 (version-dependent defaults follow it). */
  readonly minor: number;
}

export interface FieldDefault {
  readonly field: string;
  /**
   * The value the server sets when the field is absent (or, with `zeroToo`, written as 0), or a
   * function of the object that returns it, or undefined when no default applies to this object.
   */
  readonly value: unknown;
  /** The server also replaces an explicit 0 (probe timings: `if obj.PeriodSeconds == 0`). */
  readonly zeroToo?: boolean;
  /**
   * How the default reads in a hover or completion, as Markdown, when it is not simply the value
   * (`Always` for a `:latest` image …).
   */
  readonly describe?: string;
  /**
   * A default that changes how the workload runs in ways users do not expect: pull policy,
   * rollout strategy, grace period, probe timings. `kubeWorkloads.inlayHints: surprising` shows
   * only these.
   */
  readonly surprising?: boolean;
  /**
   * Not shown as a hint (it restates something the user wrote: `serviceAccount` copied from
   * `serviceAccountName`, a claim template's `kind`); still part of the effective manifest.
   */
  readonly quiet?: boolean;
  /** First Kubernetes minor whose server sets it (a feature gate enabled by default from then). */
  readonly sinceMinor?: number;
}

/** What holds a defaulted type: a field with one object, a list of them, or a map of them. */
export interface ChildType {
  readonly type: string;
  readonly shape?: 'list' | 'map';
}

export interface TypeDefaults {
  /** In order: a later default may read what an earlier one set (`type` before `rollingUpdate`). */
  readonly fields?: readonly FieldDefault[];
  /**
   * Defaults that rewrite the object as a whole rather than fill one absent field (a Pod's
   * requests copied from its limits, a Secret's stringData merged into data).
   */
  readonly rewrite?: (obj: JsonObject, ctx: DefaultingContext) => void;
  readonly children?: Readonly<Record<string, ChildType>>;
}

export type Catalog = Readonly<Record<string, TypeDefaults>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value of an object field as a string, '' when absent or not a string. */
export function str(obj: JsonObject, field: string): string {
  const v = obj[field];
  return typeof v === 'string' ? v : '';
}

/** Absent in the sense of the Go code: missing, null, or an empty string. */
export function absent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}
