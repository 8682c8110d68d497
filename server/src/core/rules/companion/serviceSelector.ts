/**
 * service-selector: a Service's selector is a label map: qualified-name keys, label values.
 *
 *     selector:
 *       app: bad value      # → Invalid label value "bad value" for "app": …
 */
import { apiServerRule } from '../util/defineRule';
import { childAt } from '../util/nodes';
import { checkLabelMap } from './labelChecks';

export const serviceSelector = apiServerRule({
  id: 'service-selector',
  kinds: ['Service'],
  description: "A Service's selector keys must be qualified names and its values label values.",
  check(ctx) {
    checkLabelMap(ctx, childAt(ctx.doc.doc.contents, 'spec', 'selector'), ['spec', 'selector']);
  },
});
