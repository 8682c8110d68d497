/**
 * Custom requests shared by the client and the server. Each is a namespace holding its method
 * name and typed params/result, so both sides spell it once.
 */
import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';

export type WorkloadKindName = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet';

export namespace ConvertRequest {
  export const method = 'kubeWorkloads/convert';
  export interface Params {
    readonly uri: string;
    readonly position: Position;
    readonly targetKind: WorkloadKindName;
    /** Replica count when the target needs one and the source has none (default 1). */
    readonly replicas?: number;
  }
  export interface Result {
    readonly edit: WorkspaceEdit;
    /** What could not carry over, one sentence each. */
    readonly dropped: readonly string[];
    /** Other things the user should know (recreate the object, new Service added …). */
    readonly notes: readonly string[];
  }
}

export namespace DocumentInfoRequest {
  export const method = 'kubeWorkloads/documentInfo';
  export interface Params {
    readonly uri: string;
    readonly position?: Position;
    /**
     * 'all' (the default): every workload, as `Result`. 'active': only the workload at
     * `position`, as `Result` (then `active` is 0): what the status bar asks on every cursor
     * move. 'kindLines': every workload's kind line, as `KindLinesResult`: what the lenses ask
     * after every edit. A large bundle's 'all' answer is megabytes.
     */
    readonly scope?: 'all' | 'active' | 'kindLines';
  }
  export interface KindLine {
    readonly index: number;
    readonly kind: WorkloadKindName;
    readonly apiVersion: string;
    readonly name: string | undefined;
    /** The kind line, where lenses and the status bar point. */
    readonly kindRange: Range;
  }
  export interface Workload extends KindLine {
    readonly range: Range;
    /** The document's own values for the comparison rows: field path → displayed value. */
    readonly values: Readonly<Record<string, string>>;
  }
  export interface Result {
    readonly workloads: readonly Workload[];
    /** Index into `workloads` of the one at the position, if any. */
    readonly active: number | undefined;
  }
  export interface KindLinesResult {
    readonly workloads: readonly KindLine[];
  }
}

export namespace KindFactsRequest {
  export const method = 'kubeWorkloads/kindFacts';
  export type Params = Record<string, never>;
  export interface Row {
    readonly id: string;
    readonly label: string;
    readonly values: Readonly<Record<WorkloadKindName, string>>;
  }
  export interface Result {
    readonly rows: readonly Row[];
  }
}

export namespace EffectiveManifestRequest {
  export const method = 'kubeWorkloads/effectiveManifest';
  export interface Params {
    readonly uri: string;
  }
  export interface Result {
    /**
     * The file with every object as the API server will hold it: defaults filled in, status
     * and server-managed metadata left out, the rest as written (comments and order kept).
     */
    readonly text: string;
    /** How many documents the server changes. */
    readonly changed: number;
    /** Documents shown as written, one sentence each (Helm templates, YAML errors, unknown kinds). */
    readonly asWritten: readonly string[];
    /** The Kubernetes version whose defaults were applied. */
    readonly kubernetesVersion: string;
  }
}
