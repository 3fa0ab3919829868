import { defineCase } from '../../case.js';
import { namespacedCase } from './_lib/sysctl.js';

/** A uts-namespaced sysctl: the container sees the domain name, the host keeps its own. */
export default defineCase({
  id: 'linux.sysctl.uts.domainname',
  title: 'kernel.domainname set in the config applies in the new uts namespace, host unchanged',
  requirements: ['LNX-SYSCTL-APPLIED'],
  // /proc/sys/kernel/domainname belongs to the initial user namespace's root: writable only when container root is host root
  needs: ['root'],
  run: (ctx) => namespacedCase(ctx, 'kernel.domainname', 'oci-conform.example'),
});
