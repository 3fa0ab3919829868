import { defineCase, type InsideResult, insideScript } from '../case.js';

/** /dev/ptmx is the container's /dev/pts/ptmx: a symlink to it, or a bind mount of it (same device and inode). */
export default defineCase({
  id: 'filesystem.default-devices.ptmx',
  title: "/dev/ptmx is a link to or bind mount of the container's /dev/pts/ptmx",
  requirements: ['LNX-DEFAULT-DEVICES'],
  config: (c) =>
    c.withScript(
      insideScript({
        link: 'readlink -f /dev/ptmx',
        ptmx: "stat -L -c '%d:%i' /dev/ptmx",
        pts: "stat -c '%d:%i' /dev/pts/ptmx",
      }),
    ),
  run: async (ctx) => {
    const r = await ctx.inside<InsideResult<'link' | 'ptmx' | 'pts'>>();
    ctx.expect('LNX-DEFAULT-DEVICES', r.link === '/dev/pts/ptmx' || (r.ptmx !== '' && r.ptmx === r.pts), {
      message: '/dev/ptmx is neither a symlink to /dev/pts/ptmx nor the same file',
      expected: { link: '/dev/pts/ptmx', or: `same dev:inode as /dev/pts/ptmx (${r.pts})` },
      actual: { link: r.link, devInode: r.ptmx },
    });
  },
});
