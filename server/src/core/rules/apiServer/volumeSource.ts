/**
 * volume-source: each volume has exactly one source (emptyDir, configMap, persistentVolumeClaim …).
 *
 *     volumes:
 *       - name: data
 *         emptyDir: {}
 *         hostPath: { path: /data }   # → may not specify more than 1 volume type
 *
 * The source fields come from the model: every field of Volume except `name`. A volume with no
 * source is not rejected: the API server's defaulting makes it an emptyDir (SetDefaults_Volume),
 * so that is only mentioned, as information.
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
  description: 'A volume may have at most one volume source (none becomes an emptyDir).',
  check(ctx) {
    for (const v of podFacts(ctx.doc).volumes) {
      if (isTemplated(ctx.doc, v.map)) continue;
      const present = SOURCES.filter((s) => isSet(v.map, s));
      if (present.length === 1) continue;
      const anchor = present.length === 0 ? (pairIn(v.map, 'name')?.key ?? v.map) : pairIn(v.map, present[1]!)?.key;
      const r = anchor?.range;
      if (!r) continue;
      const data = { path: pathToString(v.path), sources: present };
      if (present.length === 0) {
        ctx.report({ start: r[0], end: r[1], severity: 'info', message: 'This volume names no volume type, so the API server makes it an emptyDir: write emptyDir: {} (or the source you meant) to say so.', data });
      } else {
        ctx.report({ start: r[0], end: r[1], message: `A volume may not specify more than 1 volume type (this one has ${present.join(' and ')}).`, data });
      }
    }
  },
});
