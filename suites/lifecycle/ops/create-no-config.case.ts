import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createOrRefusal, defineCase, rawState } from '../../case.js';

/**
 * A bundle without config.json describes no environment at all: create must
 * fail, and no container of that id may exist afterwards.
 */
export default defineCase({
  id: 'lifecycle.ops.create.no-config',
  title: 'create of a bundle without config.json fails and leaves no container',
  requirements: ['RT-LIFECYCLE-CREATE-ERROR-IF-UNABLE', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  run: async (ctx) => {
    const other = await ctx.another('noconf');
    await rm(join(other.bundle, 'config.json'));
    const refused = await createOrRefusal(other);
    ctx.expect('RT-LIFECYCLE-CREATE-ERROR-IF-UNABLE', refused !== undefined, { message: 'create succeeded for a bundle that has no config.json' });
    const { call } = await rawState(ctx.runtime, other.id);
    ctx.expectError('RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER', call, `state of ${other.id} after the refused create`);
  },
});
