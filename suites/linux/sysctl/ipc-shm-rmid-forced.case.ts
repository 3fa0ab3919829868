import { defineCase } from '../../case.js';
import { namespacedCase } from './_lib/sysctl.js';

/** An ipc-namespaced sysctl: the container (own ipc namespace) sees 1, the host keeps its value. */
export default defineCase({
  id: 'linux.sysctl.ipc.shm-rmid-forced',
  title: 'kernel.shm_rmid_forced set in the config applies in the new ipc namespace, host unchanged',
  requirements: ['LNX-SYSCTL-APPLIED'],
  run: (ctx) => namespacedCase(ctx, 'kernel.shm_rmid_forced', '1', '0'),
});
