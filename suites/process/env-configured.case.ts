import { defineCase, HOLD, readEnviron, startHeld } from '../case.js';

/**
 * Every process.env entry is in the environment of the container process,
 * byte for byte and in the configured order: values with spaces, with '='
 * and empty values included. Read from the host in /proc/<pid>/environ.
 */
export default defineCase({
  id: 'process.env.configured',
  title: 'every process.env entry is in the environ of the container process, unchanged and in order',
  requirements: ['CFG-PROCESS-ENV-APPLIED'],
  config: (c) => c.withScript(HOLD).withEnv('H8_PLAIN=1', 'H8_SPACES=a b  c', 'H8_EQUALS=k=v=w', 'H8_EMPTY=', 'H8_QUOTE="q"'),
  run: async (ctx) => {
    const pid = await startHeld(ctx);
    const expected = (ctx.config.process as { env: string[] }).env;
    const environ = await readEnviron(pid);
    const seen = environ.filter((e) => expected.includes(e));
    ctx.expectEqual('CFG-PROCESS-ENV-APPLIED', 'configured entries found in /proc/<pid>/environ, in order', expected, seen);
  },
});
