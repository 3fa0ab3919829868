import { defineCase } from '../../case.js';
import { namespacedCase } from './_lib/sysctl.js';

/** kernel.msgmax to 12345 (the default is 8192) in the container ipc namespace. */
export default defineCase({
  id: 'linux.sysctl.ipc.msgmax',
  title: 'kernel.msgmax set in the config applies in the new ipc namespace, host unchanged',
  requirements: ['LNX-SYSCTL-APPLIED'],
  run: (ctx) => namespacedCase(ctx, 'kernel.msgmax', '12345', '12346'),
});
