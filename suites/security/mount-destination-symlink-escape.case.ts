import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { attempt, defineCase, holdAfter, type CaseContext } from '../case.js';
import { mountPointsOf, mountsAtOrUnder } from './_lib/escape.js';

/** The two links the case puts at /mnt/h10-link: absolute to a host directory, and `../` climbing out of the rootfs. */
const LINKS = ['absolute', 'relative'] as const;

/** What `host` holds and which host mounts are at or under it, as one line ('' when nothing). */
async function hostTraces(host: string): Promise<string> {
  const entries = await readdir(host).catch((e: Error) => [`(unreadable: ${e.message})`]);
  const mounts = mountsAtOrUnder(mountPointsOf(await readFile('/proc/self/mountinfo', 'utf8')), host);
  const parts = [];
  if (entries.length > 0) parts.push(`${host} holds ${entries.join(', ')}`);
  if (mounts.length > 0) parts.push(`host mounts at ${mounts.join(', ')}`);
  return parts.join('; ');
}

/**
 * A bind mount whose destination, /mnt/h10-link, is a symlink in the rootfs
 * that points out of it to a host directory of the case (once absolute, once
 * as `../../..`), to a place there that does not exist yet. A runtime must
 * resolve the destination inside the container's root (runc: securejoin) or
 * refuse; one that follows the link on the host creates the target there and
 * mounts on it. The host directory must stay empty and mount-free while the
 * container runs and after delete. (A runtime that followed the link to an
 * existing host directory and mounted there only in its own private mount
 * namespace would leave no host trace: the missing target is what makes the
 * escape visible.)
 */
export default defineCase({
  id: 'security.mount-destination-symlink-escape',
  title: 'a mount destination that is a symlink out of the rootfs never reaches the host',
  requirements: ['CFG-MOUNT-DESTINATION-IN-CONTAINER'],
  needs: ['root'],
  run: async (ctx) => {
    const source = join(ctx.workDir, 'h10-src');
    await mkdir(source, { recursive: true });
    await writeFile(join(source, 'marker'), 'h10-mounted\n');
    for (const kind of LINKS) await escapeAttempt(ctx, kind, source);
  },
});

async function escapeAttempt(ctx: CaseContext, kind: (typeof LINKS)[number], source: string): Promise<void> {
  const REQ = 'CFG-MOUNT-DESTINATION-IN-CONTAINER';
  const host = join(ctx.workDir, `h10-host-${kind}`);
  await mkdir(host, { recursive: true });
  const c = await ctx.another(`link-${kind}`, (b) =>
    b.withMount({ destination: '/mnt/h10-link', type: 'bind', source, options: ['bind'] }).withScript(holdAfter('cat /mnt/h10-link/marker')),
  );
  const mnt = join(c.bundle, 'rootfs', 'mnt');
  await mkdir(mnt, { recursive: true });
  const target = join(host, 'target');
  // From rootfs/mnt, enough ../ to reach the host's / whatever the depth, then the host path.
  const link = kind === 'absolute' ? target : `${'../'.repeat(mnt.split('/').length + 2)}${relative('/', target)}`;
  await symlink(link, join(mnt, 'h10-link'));
  ctx.note(`${kind}: /mnt/h10-link -> ${link}`);

  const a = await attempt(ctx.runtime, c);
  if (a.failedAt) {
    ctx.note(`${kind}: the runtime refused at ${a.failedAt}: ${a.call.stderr.trim().split('\n').pop() ?? ''}`);
  } else {
    await c.waitForOutput('ready');
    const out = (await c.readStdout()).split('\n')[0] ?? '';
    ctx.note(`${kind}: inside, /mnt/h10-link/marker reads ${JSON.stringify(out)} (the mount is inside the root when it reads h10-mounted)`);
    const during = await hostTraces(host);
    ctx.expect(REQ, during === '', {
      message: `${kind} link: while the container runs, the host directory the link points to has ${during}`,
      expected: 'nothing in it, no mount on it',
      actual: during,
    });
    await c.kill('KILL');
    await c.waitStopped();
  }
  await ctx.runtime.delete(c.id, { force: true });
  const after = await hostTraces(host);
  ctx.expect(REQ, after === '', {
    message: `${kind} link: after delete, the host directory the link points to has ${after}`,
    expected: 'nothing in it, no mount on it',
    actual: after,
  });
}
