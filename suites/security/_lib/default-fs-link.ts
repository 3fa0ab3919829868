/**
 * The mount point of a default filesystem (/proc, /sys) as a symlink out of
 * the rootfs, absolute to a host directory of the case and as `../../..`: the
 * runtime refuses, or mounts inside the container's root; the host directory
 * gets neither an entry nor a mount. (suites/filesystem/proc-symlink and
 * sys-symlink cover a link that stays inside the rootfs.)
 */
import { type CaseDefinition, defineCase, HOLD } from '../../case.js';
import { escapeThroughLink, LINK_KINDS } from './link-escape.js';

/** security.<dir>-symlink-escape: /<dir> in the rootfs links out of it, for the config's own <dir> mount. */
export function defaultFsLinkEscapeCase(dir: string, fstype: string): CaseDefinition {
  return defineCase({
    id: `security.${dir}-symlink-escape`,
    title: `a /${dir} symlink out of the rootfs never takes the ${fstype} mount to the host`,
    requirements: ['CFG-MOUNT-DESTINATION-IN-CONTAINER'],
    run: async (ctx) => {
      for (const kind of LINK_KINDS) await escapeThroughLink(ctx, kind, { name: dir, linkAt: dir, config: (b) => b.withScript(HOLD) });
    },
  });
}
