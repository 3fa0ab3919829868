import { defineCase } from '../../case.js';
import { refusedCase } from './_lib/sysctl.js';

/**
 * A network sysctl for a container that shares the host's network namespace
 * would change the host: create must fail. The value is the host's current one,
 * and the key (tcp_syncookies) has no side effects on other keys when written
 * (unlike ip_forward, which resets every interface's forwarding).
 */
export default defineCase({
  id: 'linux.sysctl.net-host-namespace-refused',
  title: 'a net.* sysctl for a container without its own network namespace makes create fail',
  requirements: ['RT-CREATE-UNSUPPORTED-PROPERTY-ERROR', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  run: (ctx) => refusedCase(ctx, 'net.ipv4.tcp_syncookies', 'network'),
});
