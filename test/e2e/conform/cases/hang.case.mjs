// A test-only case (loaded with --case-file): starts a container that never
// exits, then waits forever, so only the case timeout ends it.
export default {
  id: 'test.hang',
  title: 'hangs until the harness times it out',
  requirements: ['RT-KILL-SENDS-SIGNAL'],
  config: (c) => c.withArgs('/bin/sleep', '100000'),
  run: async (ctx) => {
    await ctx.create();
    await ctx.start();
    await new Promise(() => undefined);
  },
};
