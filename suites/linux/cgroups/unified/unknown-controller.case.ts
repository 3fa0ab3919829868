import { defineCase } from '../../../case.js';
import { createOrRefusal, rawState } from '../../../lifecycle/ops/_lib/ops.js';

/**
 * A unified key naming a controller no kernel has ("ociconformnone.max")
 * refers to a controller that is not present: create must fail, on any host
 * (on v1 there is no unified hierarchy to write it to either).
 */
export default defineCase({
  id: 'linux.cgroups.unified.unknown-controller',
  title: 'a unified key for a controller that does not exist makes create fail',
  requirements: ['LNX-UNIFIED-MISSING-CONTROLLER-ERROR', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['root'],
  config: (c) => c.withResources({ unified: { 'ociconformnone.max': '1' } }),
  run: async (ctx) => {
    const refused = await createOrRefusal(ctx);
    ctx.expect('LNX-UNIFIED-MISSING-CONTROLLER-ERROR', refused !== undefined, { message: 'create accepted a unified key for the nonexistent controller ociconformnone' });
    if (refused !== undefined) ctx.expectError('RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER', (await rawState(ctx.runtime, ctx.id)).call, 'state after the refused create');
  },
});
