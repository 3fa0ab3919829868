import { join } from 'node:path';
import { createOrRefusal, defineCase, rawState } from '../../case.js';

/**
 * A bind mount whose source does not exist can't be applied as written:
 * create must fail and leave no container behind. The source is a path in
 * the case's own directory, so even a runtime that creates it touches nothing else.
 */
export default defineCase({
  id: 'lifecycle.ops.create.unapplicable-mount',
  title: 'create fails, leaving no container, when a bind mount source does not exist',
  requirements: ['RT-CREATE-UNSUPPORTED-PROPERTY-ERROR', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER', 'RT-LIFECYCLE-CREATE-ERROR-IF-UNABLE'],
  run: async (ctx) => {
    const missing = join(ctx.workDir, 'no-such-source');
    const other = await ctx.another('badmnt', (c) => c.withMount({ destination: '/mnt/missing', type: 'bind', source: missing, options: ['rbind', 'ro'] }));
    const refused = await createOrRefusal(other);
    ctx.expect('RT-CREATE-UNSUPPORTED-PROPERTY-ERROR', refused !== undefined, { message: `create succeeded although the bind mount source ${missing} does not exist` });
    const { call } = await rawState(ctx.runtime, other.id);
    ctx.expectError('RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER', call, `state of ${other.id} after the refused create`);
  },
});
