/**
 * Effective values after the API server's defaulting, which runs before validation: cross-field
 * rules must compare these, not what the manifest spells out. Each value says whether it was
 * written (and where) or defaulted. The defaults themselves come from the one catalog
 * (core/defaults/catalog.ts).
 */
import { isScalar, type Node } from 'yaml';
import type { ParsedDocument } from '../../parse/parseFile';
import { child, intOrStringAt, isTemplated, numberAt, stringAt } from './nodes';
import { intOrPercent, type IntOrPercent } from './quantity';
import { defaultValue } from '../../defaults/catalog';

const fixed = (typeId: string, field: string) => defaultValue(typeId, field) as number | string;
const DEPLOYMENT_SURGE = fixed('apps.v1.RollingUpdateDeployment', 'maxSurge');
const DEPLOYMENT_UNAVAILABLE = fixed('apps.v1.RollingUpdateDeployment', 'maxUnavailable');
const DAEMONSET_SURGE = fixed('apps.v1.RollingUpdateDaemonSet', 'maxSurge');
const DAEMONSET_UNAVAILABLE = fixed('apps.v1.RollingUpdateDaemonSet', 'maxUnavailable');
const PROGRESS_DEADLINE = fixed('apps.v1.DeploymentSpec', 'progressDeadlineSeconds') as number;
const PORT_PROTOCOL = fixed('core.v1.ContainerPort', 'protocol') as string;

export interface Effective<T> {
  readonly value: T;
  /** The value node when the manifest sets it; undefined when the default applies. */
  readonly node?: Node;
}

export interface RollingUpdate {
  readonly maxSurge: Effective<IntOrPercent> | undefined;
  readonly maxUnavailable: Effective<IntOrPercent> | undefined;
}

/** Strategy type: `type` when written, else the default of the strategy's type (`apps.v1.DeploymentStrategy`). */
export function strategyType(doc: ParsedDocument, strategy: unknown, strategyTypeId: string): Effective<string> | undefined {
  const fallback = fixed(strategyTypeId, 'type') as string;
  const node = child(strategy, 'type');
  if (node && isTemplated(doc, node)) return undefined;
  const written = stringAt(doc, strategy, 'type');
  return written !== undefined && written !== '' ? { value: written, node } : { value: fallback };
}

/** One IntOrString of a rollingUpdate block, defaulted; undefined when templated or of another type. */
export function rollingValue(doc: ParsedDocument, rollingUpdate: unknown, key: string, fallback: number | string): Effective<IntOrPercent> | undefined {
  const node = child(rollingUpdate, key);
  if (!node || (isScalar(node) && node.value === null)) return { value: intOrPercent(fallback) };
  if (isTemplated(doc, node)) return undefined;
  const v = intOrStringAt(doc, rollingUpdate, key);
  return v === undefined ? undefined : { value: intOrPercent(v), node };
}

/** Deployment maxSurge / maxUnavailable, both defaulting to 25%. */
export function deploymentRollingUpdate(doc: ParsedDocument, rollingUpdate: unknown): RollingUpdate {
  return { maxSurge: rollingValue(doc, rollingUpdate, 'maxSurge', DEPLOYMENT_SURGE), maxUnavailable: rollingValue(doc, rollingUpdate, 'maxUnavailable', DEPLOYMENT_UNAVAILABLE) };
}

/** DaemonSet maxUnavailable defaults to 1, maxSurge to 0. */
export function daemonSetRollingUpdate(doc: ParsedDocument, rollingUpdate: unknown): RollingUpdate {
  return { maxSurge: rollingValue(doc, rollingUpdate, 'maxSurge', DAEMONSET_SURGE), maxUnavailable: rollingValue(doc, rollingUpdate, 'maxUnavailable', DAEMONSET_UNAVAILABLE) };
}

/** A Deployment's progressDeadlineSeconds: 600 unless written. */
export function progressDeadlineSeconds(doc: ParsedDocument, spec: unknown): Effective<number> | undefined {
  const node = child(spec, 'progressDeadlineSeconds');
  if (!node) return { value: PROGRESS_DEADLINE };
  const v = numberAt(doc, spec, 'progressDeadlineSeconds');
  return v === undefined ? undefined : { value: v, node };
}

/** minReadySeconds: 0 (Go's zero value, which the server leaves out) unless written. */
export function minReadySeconds(doc: ParsedDocument, spec: unknown): Effective<number> | undefined {
  const node = child(spec, 'minReadySeconds');
  if (!node) return { value: 0 };
  const v = numberAt(doc, spec, 'minReadySeconds');
  return v === undefined ? undefined : { value: v, node };
}

/** Port protocol: TCP unless written. */
export function portProtocol(doc: ParsedDocument, port: unknown): string {
  return stringAt(doc, port, 'protocol') || PORT_PROTOCOL;
}
