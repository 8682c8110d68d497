/**
 * apiVersion hover: which apiVersions serve the kind today, and for a removed one which release
 * stopped serving it, which removed it and what replaces it. Facts from kinds/apiVersions.ts.
 */
import { apiVersionFact, removedApiVersions, servingApiVersions } from '../kinds/apiVersions';
import { code } from './markup';
import type { HoverTarget } from './hover';

export function apiVersionHover(target: HoverTarget): string {
  const { kind } = target;
  const apiVersion = target.site.slot.parsed.apiVersion ?? '';
  const fact = apiVersionFact(apiVersion);
  const serving = servingApiVersions(kind).map((v) => `\`${v}\``).join(', ');
  const lines: string[] = [];
  if (fact && !fact.removedIn && fact.kinds.includes(kind)) {
    lines.push(`**\`${apiVersion}\`** is the current apiVersion of ${kind} (served by every supported Kubernetes release).`);
  } else if (fact?.removedIn && fact.kinds.includes(kind)) {
    lines.push(
      `**\`${apiVersion}\` no longer serves ${kind}.** Deprecated in Kubernetes ${fact.deprecatedIn ?? '?'}, ` +
        `not served since **${fact.stoppedServingIn ?? fact.removedIn}** and removed completely in **${fact.removedIn}**.`,
      `Replace it with \`${fact.replacement ?? 'apps/v1'}\` (its \`spec.selector\` is required).`,
    );
  } else {
    const shown = apiVersion ? code(apiVersion) : 'This apiVersion';
    lines.push(`**${shown} never served ${kind}.**`);
  }
  lines.push(`${kind} is served by ${serving}.`);
  const removed = removedApiVersions(kind);
  if (removed.length) {
    const list = removed.map((f) => `\`${f.apiVersion}\``).join(', ');
    lines.push(`Removed apiVersions that once served ${kind}: ${list} (not served since 1.16, removed in 1.18).`);
  }
  lines.push('[Deprecated API migration guide](https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-16)');
  return lines.join('\n\n');
}
