import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { attempt, defineCase, HOLD, readProcLink } from '../case.js';

/**
 * process.cwd names a directory the rootfs lacks. The spec does not say
 * whether the runtime creates it or refuses; either is conformant. What is
 * not: running the program somewhere else. So: create/start fails, or the
 * running process's cwd (seen from the host) is exactly that directory.
 */
export default defineCase({
  id: 'process.cwd.missing',
  title: 'a process.cwd missing from the rootfs is an error or is created, never silently replaced',
  requirements: ['CFG-PROCESS-CWD-APPLIED', 'RT-LIFECYCLE-CREATE-ERROR-IF-UNABLE'],
  config: (c) => c.withCwd('/h8/not/there').withScript(HOLD),
  run: async (ctx) => {
    const pidFile = join(ctx.workDir, 'cwd-missing.pid');
    const a = await attempt(ctx.runtime, ctx, pidFile);
    if (a.failedAt) {
      ctx.note(`the runtime refused the missing cwd at ${a.failedAt}: ${a.call.stderr.trim().split('\n').pop() ?? ''}`);
      return;
    }
    const pid = Number((await readFile(pidFile, 'utf8')).trim());
    const cwd = await readProcLink(pid, 'cwd');
    // Seen from another mount namespace the link is the path inside the container; from ours, a host path into the bundle.
    ctx.expect('CFG-PROCESS-CWD-APPLIED', cwd === '/h8/not/there' || cwd.endsWith('/rootfs/h8/not/there'), {
      message: 'the program runs, so its cwd must be the configured (created) directory',
      expected: '/h8/not/there',
      actual: cwd,
    });
  },
});
