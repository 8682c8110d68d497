/**
 * container-image-required: an empty image.
 *
 *     containers:
 *       - name: web
 *         image: ""          # → A container image is required …
 *
 * OpenAPI marks `image` optional (a Pod's image can be filled in later by a controller), but
 * workload validation requires it. An absent `image` is reported by missing-required.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString } from '../util/defineRule';
import { isTemplated, jsonValue, pairIn } from '../util/nodes';
import { podFacts } from '../util/podFacts';

export const containerImageRequired = apiServerRule({
  id: 'container-image-required',
  kinds: POD_KINDS,
  description: 'Every container needs an image.',
  check(ctx) {
    for (const c of podFacts(ctx.doc).containers) {
      const pair = pairIn(c.map, 'image');
      if (!pair) continue;
      const v = pair.value ? jsonValue(pair.value) : null;
      if ((v !== null && v !== '') || isTemplated(ctx.doc, pair.value)) continue;
      // `image:` with nothing after it underlines the key; `image: ""` the empty string.
      const range = (v === '' ? pair.value?.range : pair.key?.range) ?? pair.key?.range;
      if (!range) continue;
      ctx.report({
        start: range[0],
        end: range[1],
        message: 'A container image is required: set image to a reference such as "nginx:1.27".',
        data: { path: pathToString([...c.path, 'image']) },
      });
    }
  },
});
