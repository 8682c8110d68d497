/**
 * host-network: the pod sees and binds the node's interfaces, bypassing network policies.
 *
 *     spec:
 *       hostNetwork: true        # ← The pod shares the node's network …
 *   after: (remove the line; expose ports through a Service)
 */
import { hostNamespaceRule } from './hostNamespaceRule';

export const hostNetwork = hostNamespaceRule('host-network', 'hostNetwork', 'network namespace (its interfaces and ports)');
