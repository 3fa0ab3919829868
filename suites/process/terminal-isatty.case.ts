import { defineCase } from '../case.js';
import { runWithTerminal } from '../_lib/terminal.js';

/** process.terminal true: stdin, stdout and stderr of the program are a terminal (the pty sent over the console socket). */
export default defineCase({
  id: 'process.terminal.isatty',
  title: 'with process.terminal the program runs on a terminal',
  requirements: ['CFG-PROCESS-TERMINAL-ATTACHED'],
  needs: ['console-socket'],
  config: (c) => c.withTerminal(true).withScript('for f in 0 1 2; do if [ -t $f ]; then echo "fd$f tty"; else echo "fd$f not"; fi; done'),
  run: async (ctx) => {
    const out = await runWithTerminal(ctx, 3);
    ctx.expectEqual('CFG-PROCESS-TERMINAL-ATTACHED', 'what the program says of fds 0-2 (read from the terminal)', 'fd0 tty\nfd1 tty\nfd2 tty\n', out);
  },
});
