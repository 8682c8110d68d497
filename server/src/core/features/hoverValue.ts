/**
 * Value hover: an enum value with its alternatives, a Quantity normalised (`500m` = 0.5 CPU), and a
 * percentage in maxSurge / maxUnavailable with how it rounds at this document's replica count.
 */
import { resolvePath } from '../model/model';
import type { YamlPath } from '../parse/navigate';
import { enumValueDoc } from './enumDocs';
import type { HoverTarget } from './hover';
import { fieldName } from './hoverField';
import { code } from './markup';
import { describeQuantity } from './quantity';

export function valueHover(target: HoverTarget): string | undefined {
  const site = target.site;
  if (!site.hasValue) return undefined;
  const path = site.path;
  const resolved = resolvePath(target.rootTypeId, path);
  if (!resolved?.field) return undefined;
  const name = fieldName(path, resolved);
  const value = site.value();
  if (value === undefined) return undefined;
  const enumValues = resolved.field.enum;
  if (enumValues && typeof value === 'string' && enumValues.includes(value)) {
    return enumHover(resolved.ownerTypeId, name, value, enumValues);
  }
  if (resolved.typeExpr === 'Quantity') return quantityHover(path, name, value);
  if (resolved.typeExpr === 'IntOrString' && typeof value === 'string' && /^\d+%$/.test(value)) {
    return percentHover(target, resolved.ownerTypeId, name, Number(value.slice(0, -1)));
  }
  return undefined;
}

function enumHover(owner: string | undefined, name: string, value: string, values: readonly string[]): string {
  const own = enumValueDoc(owner, name, value);
  const lines = [`**${code(value)}** — ${own ?? `one of the values of ${code(name)}.`}`];
  const others = values.filter((v) => v !== value && v !== '');
  if (others.length) {
    lines.push('Alternatives:');
    lines.push(others.map((v) => `- ${code(v)}${describeOr(enumValueDoc(owner, name, v))}`).join('\n'));
  }
  return lines.join('\n\n');
}

function describeOr(doc: string | undefined): string {
  return doc ? ` — ${doc}` : '';
}

function quantityHover(path: YamlPath, name: string, value: string | number): string | undefined {
  const last = path[path.length - 1];
  // Under `limits`/`requests` the map key names the resource; `sizeLimit` and the like count bytes.
  const resource = typeof last === 'string' && last !== name ? last : undefined;
  const meaning = describeQuantity(resource, value, (name) => code(name));
  if (!meaning) return `**${code(value)}** is not a valid quantity: the API server rejects it. Use a number with an optional suffix such as \`500m\`, \`2\`, \`128Mi\` or \`1Gi\`.`;
  return `**${code(value)}** = ${meaning}`;
}

/** How each rolling-update field rounds a percentage, from the API descriptions of apps/v1. */
const ROUNDING: Readonly<Record<string, 'up' | 'down'>> = {
  'apps.v1.RollingUpdateDeployment.maxSurge': 'up',
  'apps.v1.RollingUpdateDeployment.maxUnavailable': 'down',
  'apps.v1.RollingUpdateDaemonSet.maxSurge': 'up',
  'apps.v1.RollingUpdateDaemonSet.maxUnavailable': 'up',
  'apps.v1.RollingUpdateStatefulSetStrategy.maxUnavailable': 'up',
};

function percentHover(target: HoverTarget, owner: string | undefined, name: string, percent: number): string | undefined {
  const rounding = owner ? ROUNDING[`${owner}.${name}`] : undefined;
  if (!rounding) return undefined;
  const { count, what } = baseCount(target);
  const exact = (count * percent) / 100;
  const result = rounding === 'up' ? Math.ceil(exact) : Math.floor(exact);
  const unit = target.kind === 'DaemonSet' ? 'node' : 'pod';
  const lines = [
    `**\`${percent}%\`** of ${target.kind === 'DaemonSet' ? 'the nodes that should run the pod' : 'the desired replicas'}, rounded **${rounding}**.`,
    `With ${what}: ${count} × ${percent}% = ${formatShort(exact)} → **${result} ${unit}${result === 1 ? '' : 's'}**.`,
  ];
  if (target.kind === 'Deployment' && name === 'maxUnavailable') {
    lines.push('If both maxSurge and maxUnavailable come out as 0, the Deployment controller uses maxUnavailable 1.');
  }
  return lines.join('\n\n');
}

/** The replica count the percentage applies to: the document's `spec.replicas`, its default, or 10 example nodes. */
function baseCount(target: HoverTarget): { count: number; what: string } {
  if (target.kind === 'DaemonSet') return { count: 10, what: '10 eligible nodes (for example)' };
  const replicas = target.site.replicas();
  return replicas === undefined ? { count: 1, what: '`replicas: 1` (the default)' } : { count: replicas, what: `\`replicas: ${replicas}\`` };
}

function formatShort(n: number): string {
  return String(Math.round(n * 100) / 100);
}
