import { defineCase } from '../../case.js';
import { namespacedCase } from './_lib/sysctl.js';

/** A uts-namespaced sysctl: the container sees the domain name, the host keeps its own. */
export default defineCase({
  id: 'linux.sysctl.uts.domainname',
  title: 'kernel.domainname set in the config applies in the new uts namespace, host unchanged',
  requirements: ['LNX-SYSCTL-APPLIED'],
  needs: ['root'],
  run: (ctx) => namespacedCase(ctx, 'kernel.domainname', 'oci-conform.example'),
});
