import { join } from 'node:path';
import { attempt, defineCase, HOLD } from '../../case.js';

/** A namespace path where no file exists refers to no namespace: create (or start) must fail. */
export default defineCase({
  id: 'linux.namespaces.path-missing',
  title: 'a namespace path that does not exist is an error',
  requirements: ['LNX-NS-PATH-TYPE-MATCH', 'LNX-NS-PATH-JOIN'],
  run: async (ctx) => {
    const path = join(ctx.workDir, 'no-such-namespace');
    const c = await ctx.another('missing', (b) => b.withNamespace('network', path).withScript(HOLD));
    const a = await attempt(ctx.runtime, c);
    ctx.expectError('LNX-NS-PATH-TYPE-MATCH', a.call, `create/start with a network namespace path ${path} that does not exist`);
  },
});
