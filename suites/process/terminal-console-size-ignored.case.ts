import { defineCase } from '../case.js';

/** consoleSize without terminal has no effect: the program runs, without a terminal. */
export default defineCase({
  id: 'process.terminal.console-size-ignored',
  title: 'consoleSize is ignored when terminal is false',
  requirements: ['CFG-PROCESS-CONSOLESIZE-IGNORED'],
  config: (c) =>
    c
      .withTerminal(false)
      .merge({ process: { consoleSize: { height: 33, width: 101 } } })
      .withScript('if [ -t 1 ]; then echo tty; else echo no-tty; fi'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('CFG-PROCESS-CONSOLESIZE-IGNORED', 'stdout of the program', 'no-tty\n', stdout);
  },
});
