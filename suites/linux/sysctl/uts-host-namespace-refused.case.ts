import { defineCase } from '../../case.js';
import { refusedCase } from './_lib/sysctl.js';

/**
 * kernel.domainname for a container that shares the host's uts namespace
 * would rename the host's domain: create must fail. The value is the host's current one.
 */
export default defineCase({
  id: 'linux.sysctl.uts-host-namespace-refused',
  title: 'kernel.domainname for a container without its own uts namespace makes create fail',
  requirements: ['RT-CREATE-UNSUPPORTED-PROPERTY-ERROR', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  run: (ctx) => refusedCase(ctx, 'kernel.domainname', 'uts'),
});
