import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineCase, holdAfter } from '../case.js';
import { escapeThroughLink, LINK_KINDS } from './_lib/link-escape.js';

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
  run: async (ctx) => {
    const source = join(ctx.workDir, 'h10-src');
    await mkdir(source, { recursive: true });
    await writeFile(join(source, 'marker'), 'h10-mounted\n');
    for (const kind of LINK_KINDS) {
      await escapeThroughLink(ctx, kind, {
        name: 'mnt',
        linkAt: 'mnt/h10-link',
        config: (b) =>
          b.withMount({ destination: '/mnt/h10-link', type: 'bind', source, options: ['bind'] }).withScript(holdAfter('cat /mnt/h10-link/marker')),
        whileRunning: (c, stdout) =>
          c.note(`${kind}: inside, /mnt/h10-link/marker reads ${JSON.stringify(stdout.split('\n')[0] ?? '')} (h10-mounted: the mount is inside the root)`),
      });
    }
  },
});
