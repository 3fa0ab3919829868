import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { attempt, defineCase } from '../case.js';
import { cwdEscapes, cwdProbeScript } from './_lib/escape.js';

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
  run: async (ctx) => {
    const token = `h10-host-${randomBytes(6).toString('hex')}`;
    const marker = join(ctx.workDir, 'h10-host-marker');
    await writeFile(marker, `${token}\n`);
    const climb = `${'../'.repeat(40)}${relative('/', marker)}`;
    for (const n of FDS) {
      const c = await ctx.another(`cwd-fd-${n}`, (b) =>
        b.withCwd(`/proc/self/fd/${n}`).withScript(cwdProbeScript(climb)),
      );
      const a = await attempt(ctx.runtime, c);
      if (a.failedAt) {
        ctx.note(`fd ${n}: refused at ${a.failedAt}: ${a.call.stderr.trim().split('\n').pop() ?? ''}`);
        continue;
      }
      await c.waitStopped();
      const out = await c.readStdout();
      ctx.note(`fd ${n}: the process ran; ${out.trim().replace(/\n/g, '; ')}`);
      for (const what of cwdEscapes(out, token)) {
        ctx.expect('CFG-PROCESS-CWD-IN-CONTAINER', false, {
          message: `with cwd /proc/self/fd/${n} ${what} (${marker} is the host file)`,
          expected: 'a working directory inside the container',
          actual: out.trim(),
        });
      }
    }
  },
});
