import { defineCase } from '../../case.js';
import { namespacedCase } from './_lib/sysctl.js';

/**
 * A network-namespaced sysctl: the container (own network namespace) sees the value set (1, or 0 where a fresh
 * network namespace already starts with 1), the host keeps its value.
 */
export default defineCase({
  id: 'linux.sysctl.net.ip-forward',
  title: 'net.ipv4.ip_forward set in the config applies in the new network namespace, host unchanged',
  requirements: ['LNX-SYSCTL-APPLIED'],
  run: (ctx) => namespacedCase(ctx, 'net.ipv4.ip_forward', '1', '0'),
});
