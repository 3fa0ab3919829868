import { defineCase } from '../case.js';

/**
 * `kill <id> USR1` delivers SIGUSR1 to the container process: the program
 * traps it, prints a marker and exits, so the container stops by itself.
 */
export default defineCase({
  id: 'lifecycle.kill.delivers-signal',
  title: 'kill sends the named signal to the container process',
  requirements: ['RT-KILL-SENDS-SIGNAL'],
  config: (c) => c.withScript('trap "echo got-usr1; exit 0" USR1; echo ready; while :; do sleep 0.1; done'),
  run: async (ctx) => {
    await ctx.create();
    await ctx.start();
    await ctx.waitForOutput('ready');
    await ctx.kill('USR1');
    await ctx.waitStopped();
    ctx.expectEqual('RT-KILL-SENDS-SIGNAL', 'container stdout', 'ready\ngot-usr1\n', await ctx.readStdout());
  },
});
