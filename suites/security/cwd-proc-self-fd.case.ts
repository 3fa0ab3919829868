import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { attempt, defineCase } from '../case.js';

/** The descriptors a runtime's init is likely to hold while it sets the working directory. */
const FDS = [3, 4, 5, 6, 7, 8, 9];

/**
 * process.cwd `/proc/self/fd/<n>` for n from 3 to 9 (CVE-2024-21626): a
 * runtime that lets a descriptor of its own reach the container's init leaves
 * the process in a host directory, from which `../` climbs to the host's /.
 * Each config must be refused (create or start fails), or the process's
 * working directory must be inside the container: `pwd -P` works (glibc's
 * getcwd fails for a directory outside the root), and a host file of the
 * case, reached by enough `../` from the working directory, can't be read.
 */
export default defineCase({
  id: 'security.cwd-proc-self-fd',
  title: 'process.cwd /proc/self/fd/<n> never leaves the process in a host directory',
  requirements: ['CFG-PROCESS-CWD-IN-CONTAINER'],
  needs: ['root'],
  run: async (ctx) => {
    const token = `h10-host-${randomBytes(6).toString('hex')}`;
    const marker = join(ctx.workDir, 'h10-host-marker');
    await writeFile(marker, `${token}\n`);
    const climb = `${'../'.repeat(40)}${relative('/', marker)}`;
    for (const n of FDS) {
      const c = await ctx.another(`cwd-fd-${n}`, (b) =>
        b.withCwd(`/proc/self/fd/${n}`).withScript(`echo "pwd $(pwd -P 2>&1)"; echo "climb $(cat ${climb} 2>&1)"`),
      );
      const a = await attempt(ctx.runtime, c);
      if (a.failedAt) {
        ctx.note(`fd ${n}: refused at ${a.failedAt}: ${a.call.stderr.trim().split('\n').pop() ?? ''}`);
        continue;
      }
      await c.waitStopped();
      const out = await c.readStdout();
      const pwd = /^pwd (.*)$/m.exec(out)?.[1] ?? '';
      ctx.note(`fd ${n}: the process ran; ${out.trim().replace(/\n/g, '; ')}`);
      ctx.expect('CFG-PROCESS-CWD-IN-CONTAINER', !out.includes(token), {
        message: `with cwd /proc/self/fd/${n} the process read the host file ${marker} through ${climb.length > 60 ? '../../..' : climb} from its working directory`,
        expected: 'no host file reachable',
        actual: out.trim(),
      });
      ctx.expect('CFG-PROCESS-CWD-IN-CONTAINER', pwd.startsWith('/'), {
        message: `with cwd /proc/self/fd/${n} the working directory is not a path inside the container (pwd -P: ${JSON.stringify(pwd)})`,
        expected: 'an absolute path inside the container',
        actual: pwd,
      });
    }
  },
});
