/**
 * A mount point in the rootfs that is a symlink out of it, to a place in a
 * host directory of the case that does not exist yet: once absolute, once as
 * `../` climbing past the rootfs. A runtime that follows the link on the host
 * creates the target there (and mounts on it); one that resolves it inside the
 * container's root, or refuses, leaves the host directory empty. The host
 * directory is looked at while the container runs and after delete: its
 * entries, and the host's own mount table (a mount that propagated back).
 */
import { mkdir, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { attempt, type CaseContext, type ConfigFn } from '../../case.js';
import { mountPointsOf, mountsAtOrUnder } from './escape.js';

export type LinkKind = 'absolute' | 'relative';
export const LINK_KINDS: readonly LinkKind[] = ['absolute', 'relative'];

/**
 * The link text for a symlink placed in `linkDir` (a host path) that reaches the
 * host path `target`: `target` itself, or enough `../` to climb from `linkDir`
 * to the host's / (more are harmless) followed by `target` without its leading /.
 */
export function escapingLink(kind: LinkKind, linkDir: string, target: string): string {
  if (kind === 'absolute') return target;
  const depth = linkDir.split('/').filter(Boolean).length;
  return `${'../'.repeat(depth + 2)}${relative('/', target)}`;
}

/** What `host` holds and which host mounts are at or under it, as one line ('' when nothing). */
export async function hostTraces(host: string): Promise<string> {
  const entries = await readdir(host).catch((e: Error) => [`(unreadable: ${e.message})`]);
  const mounts = mountsAtOrUnder(mountPointsOf(await readFile('/proc/self/mountinfo', 'utf8')), host);
  const parts: string[] = [];
  if (entries.length > 0) parts.push(`${host} holds ${entries.join(', ')}`);
  if (mounts.length > 0) parts.push(`host mounts at ${mounts.join(', ')}`);
  return parts.join('; ');
}

export interface LinkEscape {
  /** Names the container and the host directory (`h10-host-<name>`). */
  readonly name: string;
  /** Where the link goes, relative to the rootfs (`proc`, `mnt/h10-link`): whatever is there is replaced. */
  readonly linkAt: string;
  /** The container's config; its script must print `ready` and hold. */
  readonly config: ConfigFn;
  /** Checks of the running container (e.g. what it reads through the link), after the host one. */
  readonly whileRunning?: (ctx: CaseContext, stdout: string) => Promise<void> | void;
}

/**
 * One container of `e`, with the link of `kind`: refused (noted) or run and
 * held; the host directory must have no trace while it runs and after delete.
 */
export async function escapeThroughLink(ctx: CaseContext, kind: LinkKind, e: LinkEscape): Promise<void> {
  const REQ = 'CFG-MOUNT-DESTINATION-IN-CONTAINER';
  const host = join(ctx.workDir, `h10-host-${e.name}-${kind}`);
  await mkdir(host, { recursive: true });
  const c = await ctx.another(`${e.name}-${kind}`, e.config);
  const at = join(c.bundle, 'rootfs', e.linkAt);
  await rm(at, { recursive: true, force: true });
  await mkdir(join(at, '..'), { recursive: true });
  const link = escapingLink(kind, join(at, '..'), join(host, 'target'));
  await symlink(link, at);
  ctx.note(`${kind}: /${e.linkAt} -> ${link}`);

  const a = await attempt(ctx.runtime, c);
  if (a.failedAt) {
    ctx.note(`${kind}: the runtime refused at ${a.failedAt}: ${a.call.stderr.trim().split('\n').pop() ?? ''}`);
  } else {
    await c.waitForOutput('ready');
    const during = await hostTraces(host);
    ctx.expect(REQ, during === '', {
      message: `${kind} link /${e.linkAt}: while the container runs, the host directory the link points to has ${during}`,
      expected: 'nothing in it, no mount on it',
      actual: during,
    });
    await e.whileRunning?.(ctx, await c.readStdout());
    await c.kill('KILL');
    await c.waitStopped();
  }
  await ctx.runtime.delete(c.id, { force: true });
  const after = await hostTraces(host);
  ctx.expect(REQ, after === '', {
    message: `${kind} link /${e.linkAt}: after delete, the host directory the link points to has ${after}`,
    expected: 'nothing in it, no mount on it',
    actual: after,
  });
}
