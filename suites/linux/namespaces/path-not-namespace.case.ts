import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { attempt, defineCase, HOLD } from '../../case.js';

/** A namespace path that is an ordinary file refers to no namespace of the type: an error. */
export default defineCase({
  id: 'linux.namespaces.path-not-namespace',
  title: 'a namespace path that is a regular file is an error',
  requirements: ['LNX-NS-PATH-TYPE-MATCH'],
  run: async (ctx) => {
    const path = join(ctx.workDir, 'not-a-namespace');
    await writeFile(path, 'just a file\n');
    const c = await ctx.another('plainfile', (b) => b.withNamespace('uts', path).withScript(HOLD));
    const a = await attempt(ctx.runtime, c);
    ctx.expectError('LNX-NS-PATH-TYPE-MATCH', a.call, `create/start with a uts namespace path ${path} that is a regular file`);
  },
});
