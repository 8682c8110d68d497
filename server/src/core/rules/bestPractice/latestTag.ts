/**
 * latest-tag: `:latest` or no tag at all means every node may run a different image.
 *
 *     image: nginx               # ← Image "nginx" has no tag …
 *     image: nginx:latest        # ← Image "nginx:latest" uses the latest tag …
 *   after:
 *     image: nginx:1.27.3        # or nginx@sha256:…
 */
import { child, isTemplated, nodeRange } from '../util/nodes';
import { containerRule, label, valueAt } from './util';

/** The tag of an image reference, '' when there is none; undefined when pinned by digest. */
export function imageTag(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon < 0 ? '' : image.slice(colon + 1);
}

export const latestTag = containerRule({
  id: 'latest-tag',
  defaultSeverity: 'warning',
  description: 'Images should be pinned to a version tag or a digest, not latest or untagged.',
  containers: 'all',
  check(ctx, c) {
    const node = child(c.map, 'image');
    const image = valueAt(ctx.doc, c.map, 'image');
    if (typeof image !== 'string' || image === '' || isTemplated(ctx.doc, node)) return;
    const tag = imageTag(image);
    if (tag === undefined || (tag !== '' && tag !== 'latest')) return;
    const range = nodeRange(node)!;
    const what = tag === '' ? 'has no tag' : 'uses the latest tag';
    ctx.report({
      start: range[0],
      end: range[1],
      message: `Image "${image}" (${label(c).toLowerCase()}) ${what}: pin a version tag or a digest so every node runs the same image.`,
      data: { containerPath: c.path, containerName: c.name ?? null, image, tag },
    });
  },
});
