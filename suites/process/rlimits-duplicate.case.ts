import { attempt, defineCase, HOLD } from '../case.js';

/** Two rlimits of the same type are an error. */
export default defineCase({
  id: 'process.rlimits.duplicate-type',
  title: 'two process.rlimits entries of one type are an error',
  requirements: ['CFG-RLIMIT-UNIQUE-TYPE'],
  config: (c) =>
    c.withScript(HOLD).edit((d) => {
      const p = d.process as { rlimits: unknown[] };
      p.rlimits = [
        { type: 'RLIMIT_NOFILE', soft: 512, hard: 512 },
        { type: 'RLIMIT_NOFILE', soft: 256, hard: 256 },
      ];
    }),
  run: async (ctx) => {
    const a = await attempt(ctx.runtime, ctx);
    ctx.expectError('CFG-RLIMIT-UNIQUE-TYPE', a.call, 'create/start with RLIMIT_NOFILE listed twice');
  },
});
