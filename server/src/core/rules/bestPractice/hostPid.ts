/**
 * host-pid: the pod sees every process on the node and can signal or trace them.
 *
 *     spec:
 *       hostPID: true            # ← The pod shares the node's process namespace …
 *   after: (remove the line)
 */
import { hostNamespaceRule } from './hostNamespaceRule';

export const hostPid = hostNamespaceRule('host-pid', 'hostPID', 'process namespace (it can see and signal every process)');
