import { attempt, defineCase, HOLD } from '../case.js';

/** An rlimit type with no kernel counterpart is an error. */
export default defineCase({
  id: 'process.rlimits.unknown-type',
  title: 'an rlimit type the kernel has no limit for is an error',
  requirements: ['CFG-RLIMIT-TYPE-MAPPABLE'],
  config: (c) => c.withRlimit('RLIMIT_H8_NO_SUCH_LIMIT', 1, 1).withScript(HOLD),
  run: async (ctx) => {
    const a = await attempt(ctx.runtime, ctx);
    ctx.expectError('CFG-RLIMIT-TYPE-MAPPABLE', a.call, 'create/start with rlimit type RLIMIT_H8_NO_SUCH_LIMIT');
  },
});
