import { relative } from 'node:path';
import { defineCase, parseState } from '../case.js';

/**
 * create given the bundle as a RELATIVE path (from our working directory,
 * which the runtime inherits): state.bundle must still be the absolute path
 * of that directory. The container is made by a raw call, so the case deletes
 * it itself (the run's final sweep would also find it in the state root).
 */
export default defineCase({
  id: 'state.bundle.absolute-from-relative',
  title: 'state.bundle is absolute even when create was given a relative bundle path',
  requirements: ['RT-STATE-BUNDLE-ABSOLUTE'],
  run: async (ctx) => {
    const rel = relative(process.cwd(), ctx.bundle);
    if (rel.startsWith('/')) ctx.skip(`no relative path leads from ${process.cwd()} to the bundle ${ctx.bundle}`);
    const id = `${ctx.id}r`;
    try {
      const created = await ctx.runtime.create(id, rel);
      if (!ctx.expect('RT-STATE-BUNDLE-ABSOLUTE', created.exitCode === 0, { message: `create with the relative bundle path ${rel} failed: ${created.stderr.trim()}` })) return;
      const s = parseState((await ctx.runtime.state(id)).stdout);
      ctx.expectEqual('RT-STATE-BUNDLE-ABSOLUTE', `state.bundle (create got ${rel})`, ctx.bundle, s?.bundle);
    } finally {
      await ctx.runtime.delete(id, { force: true });
    }
  },
});
