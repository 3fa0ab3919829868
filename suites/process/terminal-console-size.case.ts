import { defineCase } from '../case.js';
import { runWithTerminal } from './_lib/terminal.js';

/** process.consoleSize with a terminal is the window size of that terminal (`stty size` prints rows and columns). */
export default defineCase({
  id: 'process.terminal.console-size',
  title: 'consoleSize is the size of the terminal',
  requirements: ['RT-START-RUNS-PROCESS'],
  needs: ['root'],
  config: (c) => c.withTerminal(true).merge({ process: { consoleSize: { height: 33, width: 101 } } }).withScript('stty size'),
  run: async (ctx) => {
    const out = await runWithTerminal(ctx, 'RT-START-RUNS-PROCESS');
    ctx.expectEqual('RT-START-RUNS-PROCESS', '`stty size` on the terminal', '33 101\n', out);
  },
});
