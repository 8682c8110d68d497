/**
 * dangerous-capabilities: some capabilities are as good as root on the node (SYS_ADMIN mounts
 * filesystems, NET_ADMIN rewrites the network, SYS_MODULE loads kernel code, ALL is everything).
 *
 *     capabilities:
 *       add: [SYS_ADMIN]         # ← … adds the dangerous capability SYS_ADMIN
 *   after:
 *     capabilities:
 *       drop: [ALL]
 *       add: [NET_BIND_SERVICE]  # only what the process needs
 */
import { nodeRange } from '../util/nodes';
import { capabilityList } from './capabilities';
import { containerData, containerRule, label } from './util';

/** Capabilities that give a way out of the container (Polaris' and kube-linter's lists, merged). */
export const DANGEROUS_CAPABILITIES: ReadonlySet<string> = new Set([
  'ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_MODULE', 'SYS_PTRACE', 'SYS_RAWIO', 'SYS_BOOT', 'SYS_TIME',
  'DAC_READ_SEARCH', 'BPF', 'PERFMON', 'SYS_CHROOT', 'MAC_ADMIN', 'MAC_OVERRIDE',
]);

export const dangerousCapabilities = containerRule({
  id: 'dangerous-capabilities',
  defaultSeverity: 'warning',
  description: 'Containers should not add dangerous capabilities such as ALL, SYS_ADMIN or NET_ADMIN.',
  containers: 'all',
  check(ctx, c) {
    for (const entry of capabilityList(ctx.doc, c, 'add') ?? []) {
      if (!DANGEROUS_CAPABILITIES.has(entry.name)) continue;
      const range = nodeRange(entry.node);
      if (!range) continue;
      ctx.report({
        start: range[0],
        end: range[1],
        message: `${label(c)} adds the dangerous capability ${entry.name}: remove it and add only narrower capabilities the process needs.`,
        data: containerData(c, { capability: entry.name, itemPath: [...c.path, 'securityContext', 'capabilities', 'add', entry.index] }),
      });
    }
  },
});
