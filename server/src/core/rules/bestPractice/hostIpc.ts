/**
 * host-ipc: the pod shares the node's System V IPC and POSIX shared memory with every host
 * process.
 *
 *     spec:
 *       hostIPC: true            # ← The pod shares the node's IPC namespace …
 *   after: (remove the line)
 */
import { hostNamespaceRule } from './hostNamespaceRule';

export const hostIpc = hostNamespaceRule('host-ipc', 'hostIPC', 'IPC namespace (shared memory of host processes)');
