import { defineCase } from '../case.js';
import { readEnviron } from '../../harness/inspect/process.js';
import { HOLD, startHeld } from './_lib/running.js';

/**
 * process.env has environ semantics: it is the environment of the process.
 * A runtime that adds variables of its own (HOME, container=...) hands the
 * program an environment the config did not describe.
 */
export default defineCase({
  id: 'process.env.exact',
  title: 'the environ of the container process holds process.env and nothing else',
  requirements: ['CFG-PROCESS-ENV-APPLIED'],
  needs: ['root'],
  config: (c) => c.withScript(HOLD).withEnv('H8_ONLY=this'),
  run: async (ctx) => {
    const pid = await startHeld(ctx);
    const expected = [...(ctx.config.process as { env: string[] }).env].sort();
    const environ = (await readEnviron(pid)).sort();
    ctx.expectEqual('CFG-PROCESS-ENV-APPLIED', 'entries of /proc/<pid>/environ (sorted)', expected, environ);
  },
});
