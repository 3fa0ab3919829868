import { defineCase, readStatus } from '../case.js';

/** After `delete` of a stopped container, the id is gone: `state` of it must fail. */
export default defineCase({
  id: 'lifecycle.delete.removes-container',
  title: 'delete of a stopped container removes it, so state of its id is an error',
  requirements: ['RT-DELETE-REMOVES-RESOURCES', 'RT-QUERY-STATE-NONEXISTENT-ERROR'],
  run: async (ctx) => {
    await ctx.runToExit();
    const pid = await ctx.pid();
    await ctx.delete();
    const after = await ctx.runtime.state(ctx.id);
    ctx.expectError('RT-QUERY-STATE-NONEXISTENT-ERROR', after, `state of the deleted container ${ctx.id}`);
    // A zombie waiting for its reaper (the host's init) is gone as far as the container is concerned.
    const st = await readStatus(pid).catch(() => undefined);
    ctx.expect('RT-DELETE-REMOVES-RESOURCES', st === undefined || st.state === 'Z', {
      message: `the container process ${pid} still runs after delete`,
      actual: st && { state: st.state, name: st.name },
    });
  },
});
