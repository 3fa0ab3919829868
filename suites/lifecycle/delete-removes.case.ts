import { defineCase } from '../case.js';

/** After `delete` of a stopped container, the id is gone: `state` of it must fail. */
export default defineCase({
  id: 'lifecycle.delete.removes-container',
  title: 'delete of a stopped container removes it, so state of its id is an error',
  requirements: ['RT-DELETE-REMOVES-RESOURCES', 'RT-QUERY-STATE-NONEXISTENT-ERROR'],
  needs: ['root'],
  run: async (ctx) => {
    await ctx.runToExit();
    await ctx.delete();
    const after = await ctx.runtime.state(ctx.id);
    ctx.expectError('RT-QUERY-STATE-NONEXISTENT-ERROR', after, `state of the deleted container ${ctx.id}`);
    ctx.expect('RT-DELETE-REMOVES-RESOURCES', !(await pidAlive(ctx)), {
      message: 'the container process is gone after delete',
    });
  },
});

async function pidAlive(ctx: { pid(): Promise<number> }): Promise<boolean> {
  const pid = await ctx.pid();
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
