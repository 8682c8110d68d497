/**
 * cronjob-spec: a CronJob's schedule, time zone and limits (pkg/apis/batch/validation).
 *
 *     spec:
 *       schedule: "0 24 * * *"      # → Invalid schedule "0 24 * * *": the hour 24 is above the maximum (23).
 *       timeZone: Europe/Berln      # → Unknown time zone "Europe/Berln": use an IANA name such as "Europe/Berlin".
 *
 * The schedule is required and parsed as the controller parses it (cronSchedule.ts); timeZone
 * is an IANA time zone name; startingDeadlineSeconds and the history limits are not negative.
 */
import { apiServerRule, reportAt } from '../util/defineRule';
import { child, isTemplated, jsonValue, pairIn } from '../util/nodes';
import { scheduleProblem } from './cronSchedule';
import { checkBounds } from './nonNegative';

export const cronJobSpec = apiServerRule({
  id: 'cronjob-spec',
  kinds: ['CronJob'],
  description: "A CronJob's schedule syntax, time zone, starting deadline and history limits.",
  check(ctx) {
    const spec = child(ctx.doc.doc.contents, 'spec');
    if (!spec || isTemplated(ctx.doc, spec)) return;
    const schedulePair = pairIn(spec, 'schedule');
    const schedule = jsonValue(schedulePair?.value);
    if (typeof schedule === 'string' && !isTemplated(ctx.doc, schedulePair?.value)) {
      const problem = scheduleProblem(schedule);
      if (problem) reportAt(ctx, schedulePair?.value, `Invalid schedule "${schedule}": ${problem}.`, { data: { path: 'spec.schedule', value: schedule } });
    }
    const zoneNode = child(spec, 'timeZone');
    const zone = jsonValue(zoneNode);
    if (typeof zone === 'string' && !isTemplated(ctx.doc, zoneNode) && !knownTimeZone(zone)) {
      reportAt(ctx, zoneNode, `Unknown time zone "${zone}": use an IANA time zone name such as "Etc/UTC" or "Europe/Berlin".`, { data: { path: 'spec.timeZone', value: zone } });
    }
    for (const field of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) checkBounds(ctx, spec, ['spec'], field, 0);
  },
});

/**
 * Whether the IANA time zone database knows the name, asked of the JavaScript runtime's own copy
 * (Intl), as the API server asks Go's. An offset such as "+02:00" is not a zone name.
 */
function knownTimeZone(zone: string): boolean {
  if (zone === '' || /^[+-]/.test(zone) || zone === 'Local') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
