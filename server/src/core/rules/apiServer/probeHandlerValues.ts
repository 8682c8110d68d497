/**
 * probe-handler-values: what a probe or lifecycle handler says must be usable.
 *
 *     livenessProbe:
 *       exec: {command: []}                  # → exec.command is required: a probe needs a command to run.
 *       httpGet:
 *         httpHeaders: [{name: "Bad Header", value: x}]   # → Invalid HTTP header name "Bad Header" …
 *
 * Source: pkg/apis/core/validation validateExecAction (a non-empty command) and validateHTTPGetAction
 * (header names are HTTP tokens of letters, digits and '-').
 */
import type { RuleContext } from '../ruleTypes';
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { asSeq, child, isTemplated, jsonValue, mapItems, pairIn } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { quote } from '../util/quote';

const HEADER_NAME = /^[-A-Za-z0-9]+$/;
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const HOOKS = ['postStart', 'preStop'];

export const probeHandlerValues = apiServerRule({
  id: 'probe-handler-values',
  kinds: POD_KINDS,
  description: 'A probe or hook exec has a command; httpGet header names are valid.',
  check(ctx) {
    for (const c of podFacts(ctx.doc).containers) {
      for (const probe of PROBES) check(ctx, child(c.map, probe), [...c.path, probe]);
      const lifecycle = child(c.map, 'lifecycle');
      for (const hook of HOOKS) check(ctx, child(lifecycle, hook), [...c.path, 'lifecycle', hook]);
    }
  },
});

function check(ctx: RuleContext, handler: unknown, at: readonly (string | number)[]): void {
  if (!handler || isTemplated(ctx.doc, handler)) return;
  const execPair = pairIn(handler, 'exec');
  if (execPair?.value && !isTemplated(ctx.doc, execPair.value)) {
    const command = pairIn(execPair.value, 'command');
    const seq = asSeq(command?.value);
    if (!seq ? jsonValue(command?.value) === null || command === undefined : seq.items.length === 0) {
      reportAt(ctx, command?.key ?? execPair.key, 'exec.command is required: give the command to run, e.g. [cat, /tmp/healthy].', {
        data: { path: pathToString([...at, 'exec', 'command']), need: 'command' },
      });
    }
  }
  for (const { index, map } of mapItems(child(child(handler, 'httpGet'), 'httpHeaders'))) {
    const node = child(map, 'name');
    const name = jsonValue(node);
    if (typeof name !== 'string' || HEADER_NAME.test(name) || isTemplated(ctx.doc, node)) continue;
    reportAt(ctx, node, `Invalid HTTP header name ${quote(name)}: a header name consists of letters, digits and '-' (e.g. X-Header-Name).`, {
      data: { path: pathToString([...at, 'httpGet', 'httpHeaders', index, 'name']), value: name },
    });
  }
}
