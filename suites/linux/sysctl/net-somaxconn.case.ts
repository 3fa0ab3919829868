import { defineCase } from '../../case.js';
import { namespacedCase } from './_lib/sysctl.js';

/** net.core.somaxconn to 1234, a value no fresh network namespace has by default. */
export default defineCase({
  id: 'linux.sysctl.net.somaxconn',
  title: 'net.core.somaxconn set in the config applies in the new network namespace, host unchanged',
  requirements: ['LNX-SYSCTL-APPLIED'],
  run: (ctx) => namespacedCase(ctx, 'net.core.somaxconn', '1234', '1235'),
});
