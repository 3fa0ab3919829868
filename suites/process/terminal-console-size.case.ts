import { defineCase } from '../case.js';
import { runWithTerminal } from '../_lib/terminal.js';

/** process.consoleSize with a terminal is the window size of that terminal (`stty size` prints rows and columns). */
export default defineCase({
  id: 'process.terminal.console-size',
  title: 'consoleSize is the size of the terminal',
  requirements: ['CFG-PROCESS-CONSOLESIZE-APPLIED'],
  needs: ['console-socket'],
  config: (c) => c.withTerminal(true).merge({ process: { consoleSize: { height: 33, width: 101 } } }).withScript('stty size'),
  run: async (ctx) => {
    const out = await runWithTerminal(ctx, 1);
    ctx.expectEqual('CFG-PROCESS-CONSOLESIZE-APPLIED', '`stty size` on the terminal', '33 101\n', out);
  },
});
