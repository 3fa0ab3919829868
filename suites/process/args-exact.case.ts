import { defineCase, HOLD, readCmdline, startHeld } from '../case.js';

/**
 * process.args reaches the program exactly: every element, in order, with
 * spaces, tabs and empty strings kept (a runtime that joins and re-splits
 * the arguments, or drops empty ones, breaks this). Read from the host in
 * /proc/<pid>/cmdline of the running shell.
 */
export default defineCase({
  id: 'process.args.exact',
  title: 'process.args arrives as the argv of the container process, element by element',
  requirements: ['CFG-PROCESS-ARGS-APPLIED'],
  config: (c) => c.withArgs('/bin/sh', '-c', HOLD, 'arg zero', 'two words', '', '  padded  ', 'tab\there', '', 'last'),
  run: async (ctx) => {
    const pid = await startHeld(ctx);
    const expected = (ctx.config.process as { args: string[] }).args;
    ctx.expectEqual('CFG-PROCESS-ARGS-APPLIED', 'argv of the container process (/proc/<pid>/cmdline)', expected, await readCmdline(pid));
  },
});
