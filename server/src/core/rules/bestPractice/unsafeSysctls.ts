/**
 * unsafe-sysctls: sysctls outside the kubelet's safe set change the whole node's kernel, and
 * the kubelet refuses the pod unless an administrator allowed them on that node.
 *
 *     securityContext:
 *       sysctls:
 *         - name: kernel.msgmax  # ← … is not a safe sysctl
 *           value: "65536"
 *   after: remove it, or run the pod only on nodes that allow it (--allowed-unsafe-sysctls)
 */
import { childAt, mapItems, nodeRange, child } from '../util/nodes';
import { podRule, POD_SPEC_PATH, valueAt } from './util';

/** The kubelet's safe sysctls as of 1.29 (namespaced, isolated from the node). */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

export const unsafeSysctls = podRule({
  id: 'unsafe-sysctls',
  defaultSeverity: 'warning',
  description: 'Pods should set only safe sysctls.',
  check(ctx, pod) {
    for (const { index, map } of mapItems(childAt(pod, 'securityContext', 'sysctls'))) {
      const name = valueAt(ctx.doc, map, 'name');
      if (typeof name !== 'string' || SAFE_SYSCTLS.has(name.replace(/\//g, '.'))) continue;
      const range = nodeRange(child(map, 'name'));
      if (!range) continue;
      ctx.report({
        start: range[0],
        end: range[1],
        message: `The sysctl ${name} is not in the kubelet's safe set: remove it, or schedule the pod only on nodes that allow it.`,
        data: { sysctl: name, itemPath: [...POD_SPEC_PATH, 'securityContext', 'sysctls', index] },
      });
    }
  },
});
