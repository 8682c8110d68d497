/**
 * The cron syntax the CronJob controller's parser (robfig/cron v3, standard five fields) accepts,
 * which the API server uses to validate `spec.schedule`: minute, hour, day of month, month, day
 * of week; each field a comma list of `*`, `?`, `a`, `a-b`, optionally `/step`; month and weekday
 * names (JAN, mon …) in any case; or a descriptor (@yearly, @annually, @monthly, @weekly, @daily,
 * @midnight, @hourly, @every <duration>), written in lower case.
 * Returns why a schedule is rejected, or undefined.
 */

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'], first: 1 },
  { name: 'day of week', min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], first: 0 },
] as const;

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

export function scheduleProblem(schedule: string): string | undefined {
  const text = schedule.trim();
  if (text === '') return 'the schedule is empty';
  if (/^(CRON_)?TZ=/.test(text)) return 'TZ or CRON_TZ cannot be used in the schedule; set spec.timeZone instead';
  if (text.startsWith('@')) {
    if (DESCRIPTORS.has(text)) return undefined;
    if (text.startsWith('@every ')) return durationProblem(text.slice(7).trim());
    return `unrecognized descriptor ${text} (descriptors are lower case: @hourly, @daily, @weekly, @monthly, @yearly)`;
  }
  const parts = text.split(/\s+/);
  if (parts.length !== 5) return `expected exactly 5 fields (minute hour day-of-month month day-of-week), found ${parts.length}`;
  for (let i = 0; i < 5; i++) {
    const problem = fieldProblem(parts[i]!, FIELDS[i]!);
    if (problem) return problem;
  }
  return undefined;
}

type Field = (typeof FIELDS)[number];

function fieldProblem(text: string, field: Field): string | undefined {
  for (const range of text.split(',')) {
    const [span = '', step, extra] = range.split('/');
    if (extra !== undefined) return `too many slashes in ${range}`;
    if (step !== undefined && !(/^\d+$/.test(step) && Number(step) > 0)) return `the step of ${range} must be a positive number`;
    if (span === '*' || span === '?') continue;
    const [lowText = '', highText, more] = span.split('-');
    if (more !== undefined) return `too many hyphens in ${range}`;
    const low = value(lowText, field);
    const high = highText === undefined ? low : value(highText, field);
    if (low === undefined || high === undefined) return `${range} is not a valid ${field.name}`;
    if (low < field.min) return `the ${field.name} ${low} is below the minimum (${field.min})`;
    if (high > field.max) return `the ${field.name} ${high} is above the maximum (${field.max})`;
    if (low > high) return `the range ${span} starts after it ends`;
  }
  return undefined;
}

function value(text: string, field: Field): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const names = 'names' in field ? field.names : undefined;
  const i = names ? (names as readonly string[]).indexOf(text.toLowerCase()) : -1;
  return i >= 0 && 'first' in field ? i + field.first : undefined;
}

/** Go's time.ParseDuration, as @every reads it: "1h30m", "90s", "1.5h". */
function durationProblem(text: string): string | undefined {
  return /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(text) ? undefined : `"@every ${text}" needs a duration such as 5m or 1h30m`;
}
