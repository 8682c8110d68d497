/**
 * volume-source: each volume has exactly one source (emptyDir, configMap, persistentVolumeClaim …).
 *
 *     volumes:
 *       - name: data
 *         emptyDir: {}
 *         hostPath: { path: /data }   # → may not specify more than 1 volume type
 *
 * The source fields come from the model: every field of Volume except `name`.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import { getType } from '../../model/model';
import { apiServerRule, pathToString } from '../util/defineRule';
import { isSet, isTemplated, pairIn } from '../util/nodes';
import { podFacts } from '../util/podFacts';

const SOURCES: readonly string[] = Object.keys(getType('core.v1.Volume')?.fields ?? {}).filter((f) => f !== 'name');

export const volumeSource = apiServerRule({
  id: 'volume-source',
  kinds: POD_KINDS,
  description: 'A volume must have exactly one volume source.',
  check(ctx) {
    for (const v of podFacts(ctx.doc).volumes) {
      if (isTemplated(ctx.doc, v.map)) continue;
      const present = SOURCES.filter((s) => isSet(v.map, s));
      if (present.length === 1) continue;
      const anchor = present.length === 0 ? (pairIn(v.map, 'name')?.key ?? v.map) : pairIn(v.map, present[1]!)?.key;
      const r = anchor?.range;
      if (!r) continue;
      const message = present.length === 0
        ? 'This volume must specify a volume type, such as emptyDir, configMap, secret or persistentVolumeClaim.'
        : `A volume may not specify more than 1 volume type (this one has ${present.join(' and ')}).`;
      ctx.report({ start: r[0], end: r[1], message, data: { path: pathToString(v.path), sources: present } });
    }
  },
});
