import { defineCase } from '../../case.js';
import { refusedCase } from './_lib/sysctl.js';

/**
 * vm.swappiness has no namespace: setting it "for the container" would set
 * it for the whole host, so the runtime can't apply it as asked and create
 * must fail. The config carries the host's current value, so a runtime that
 * writes it anyway changes nothing.
 */
export default defineCase({
  id: 'linux.sysctl.not-namespaced-refused',
  title: 'a sysctl without a namespace (vm.swappiness) makes create fail',
  requirements: ['RT-CREATE-UNSUPPORTED-PROPERTY-ERROR', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  run: (ctx) => refusedCase(ctx, 'vm.swappiness'),
});
