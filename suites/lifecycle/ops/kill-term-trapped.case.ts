import { defineCase } from '../../case.js';

/**
 * kill with no signal named: the runtime's default is up to it, so this case
 * names SIGTERM explicitly and checks the program's trap saw exactly that signal.
 */
export default defineCase({
  id: 'lifecycle.ops.kill.term-trapped',
  title: 'kill SIGTERM reaches the program, which handles it and exits',
  requirements: ['RT-KILL-SENDS-SIGNAL'],
  config: (c) => c.withScript('trap "echo got-term; exit 0" TERM; echo ready; while :; do sleep 0.1; done'),
  run: async (ctx) => {
    await ctx.create();
    await ctx.start();
    await ctx.waitForOutput('ready');
    await ctx.kill('SIGTERM');
    await ctx.waitStopped();
    ctx.expectEqual('RT-KILL-SENDS-SIGNAL', 'container stdout', 'ready\ngot-term\n', await ctx.readStdout());
  },
});
