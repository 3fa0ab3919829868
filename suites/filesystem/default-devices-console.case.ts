import { defineCase } from '../case.js';
import { runWithTerminal } from '../_lib/terminal.js';

/**
 * With a terminal, /dev/console is the container's pty: a character device
 * of the pts major (136-143), the same one the program's stdin is.
 */
export default defineCase({
  id: 'filesystem.default-devices.console',
  title: "with process.terminal, /dev/console is the container's terminal",
  requirements: ['LNX-DEFAULT-DEVICES'],
  needs: ['console-socket'],
  config: (c) => c.withTerminal(true).withScript("stat -L -c '%F %t:%T' /dev/console; stat -L -c '%F %t:%T' /proc/self/fd/0"),
  run: async (ctx) => {
    const out = (await runWithTerminal(ctx, 2)).trim().split('\n');
    const [consoleNode, stdinNode] = [out[0] ?? '', out[1] ?? ''];
    const major = parseInt(/ ([0-9a-f]+):/.exec(consoleNode)?.[1] ?? '', 16);
    ctx.expect('LNX-DEFAULT-DEVICES', consoleNode.startsWith('character special file') && major >= 136 && major <= 143, {
      message: '/dev/console is not a pseudo-terminal device',
      expected: 'character special file 88..8f:N',
      actual: consoleNode,
    });
    ctx.expectEqual('LNX-DEFAULT-DEVICES', '/dev/console and stdin of the program are the same terminal', stdinNode, consoleNode);
  },
});
