import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { attempt, defineCase, HOLD, parseLimits, readLimits, RLIM_INFINITY } from '../case.js';

/** Our hard RLIMIT_NOFILE, which the runtime we spawn inherits. */
function hostHardNofile(): number {
  return parseLimits(readFileSync('/proc/self/limits', 'utf8')).RLIMIT_NOFILE?.hard ?? RLIM_INFINITY;
}

const RAISE = 1024;

/**
 * A hard RLIMIT_NOFILE above the runtime's own hard limit needs
 * CAP_SYS_RESOURCE. Without it the limit can't be set, and the runtime must
 * report an error (at create or start) rather than run the program with
 * other limits; with it, the limit must be exactly as configured.
 */
export default defineCase({
  id: 'process.rlimits.hard-above-host',
  title: 'a hard rlimit the runtime may not raise is an error (and, when it may, is set exactly)',
  requirements: ['CFG-RLIMIT-HARD-MATCH', 'RT-LIFECYCLE-CREATE-ERROR-IF-UNABLE'],
  config: (c) => {
    const hard = hostHardNofile();
    return hard >= RLIM_INFINITY ? c : c.withRlimit('RLIMIT_NOFILE', hard + RAISE, hard + RAISE).withScript(HOLD);
  },
  run: async (ctx) => {
    const hard = hostHardNofile();
    if (hard >= RLIM_INFINITY) ctx.skip('our hard RLIMIT_NOFILE is unlimited, so no value lies above it');
    const want = hard + RAISE;
    const pidFile = join(ctx.workDir, 'rlimit.pid');
    const a = await attempt(ctx.runtime, ctx, pidFile);
    if (!ctx.host.conditions['cap-sys-resource'].ok) {
      if (a.failedAt) return;
      // It ran: conformant only if with the configured limit after all (a sandbox's own kernel is not bound by
      // ours), so read it (a host-pid-view skip when the pid is a sandbox's) before judging the missing error.
      const got = (await readLimits(Number((await readFile(pidFile, 'utf8')).trim()))).RLIMIT_NOFILE;
      if (got?.soft === want && got.hard === want) return ctx.note(`the runtime set the hard RLIMIT_NOFILE ${want} above its own ${hard} without CAP_SYS_RESOURCE`);
      ctx.expectError('RT-LIFECYCLE-CREATE-ERROR-IF-UNABLE', a.call, `create/start with hard RLIMIT_NOFILE ${want} above the runtime's ${hard}, without CAP_SYS_RESOURCE`);
      ctx.expectEqual('CFG-RLIMIT-HARD-MATCH', 'RLIMIT_NOFILE of the process that ran anyway', { soft: want, hard: want }, got);
      return;
    }
    if (!ctx.expect('CFG-RLIMIT-HARD-MATCH', !a.failedAt, { message: `with CAP_SYS_RESOURCE the runtime can raise the hard limit, but ${a.failedAt} failed`, actual: a.call.stderr })) return;
    const got = (await readLimits(Number((await readFile(pidFile, 'utf8')).trim()))).RLIMIT_NOFILE;
    ctx.expectEqual('CFG-RLIMIT-HARD-MATCH', 'RLIMIT_NOFILE of the process', { soft: want, hard: want }, got);
  },
});
