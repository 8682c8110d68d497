/**
 * read-only-root-filesystem: a writable root filesystem lets an intruder change binaries and
 * configuration; mount an emptyDir where the application really writes.
 *
 *     - name: web                # ← … has a writable root filesystem
 *   after:
 *     securityContext: { readOnlyRootFilesystem: true }
 *     volumeMounts: [{ name: tmp, mountPath: /tmp }]
 */
import { pairIn } from '../util/nodes';
import { containerRule, label, pairRange, reportOnContainer, securityTemplated, valueAt } from './util';

export const readOnlyRootFilesystem = containerRule({
  id: 'read-only-root-filesystem',
  defaultSeverity: 'warning',
  description: 'Containers should set securityContext.readOnlyRootFilesystem to true.',
  containers: 'all',
  check(ctx, c) {
    const value = valueAt(ctx.doc, c.map, 'securityContext', 'readOnlyRootFilesystem');
    if (value === true || (value === undefined && securityTemplated(ctx.doc, c))) return;
    const message = `${label(c)} has a writable root filesystem: set securityContext.readOnlyRootFilesystem to true and mount an emptyDir where it writes.`;
    const pair = pairIn(pairIn(c.map, 'securityContext')?.value, 'readOnlyRootFilesystem');
    const range = pair ? pairRange(pair) : undefined;
    reportOnContainer(ctx, c, message, { fieldPath: [...c.path, 'securityContext', 'readOnlyRootFilesystem'] }, range ? { start: range[0], end: range[1] } : {});
  },
});
