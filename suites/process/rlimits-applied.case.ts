import { defineCase, HOLD, readLimits, startHeld } from '../case.js';

/**
 * Each configured rlimit is the process's limit: soft and hard as given
 * (values below the host's, so no privilege is needed to set them).
 */
const LIMITS = [
  { type: 'RLIMIT_NOFILE', soft: 512, hard: 800 },
  { type: 'RLIMIT_CORE', soft: 1024, hard: 4096 },
  { type: 'RLIMIT_MSGQUEUE', soft: 4096, hard: 8192 },
] as const;

export default defineCase({
  id: 'process.rlimits.applied',
  title: 'every rlimit of process.rlimits is set on the process, soft and hard',
  requirements: ['CFG-RLIMIT-SOFT-MATCH', 'CFG-RLIMIT-HARD-MATCH', 'CFG-RLIMIT-GETRLIMIT'],
  config: (c) => LIMITS.reduce((b, l) => b.withRlimit(l.type, l.soft, l.hard), c).withScript(HOLD),
  run: async (ctx) => {
    const limits = await readLimits(await startHeld(ctx));
    for (const l of LIMITS) {
      const got = limits[l.type];
      if (!ctx.expect('CFG-RLIMIT-GETRLIMIT', got !== undefined, { message: `${l.type} is readable for the process (/proc/<pid>/limits)` })) continue;
      ctx.expectEqual('CFG-RLIMIT-SOFT-MATCH', `${l.type} soft`, l.soft, got?.soft);
      ctx.expectEqual('CFG-RLIMIT-HARD-MATCH', `${l.type} hard`, l.hard, got?.hard);
    }
  },
});
