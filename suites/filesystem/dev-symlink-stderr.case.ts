import { defineCase } from '../case.js';

/** /dev/stderr is a symbolic link to /proc/self/fd/2 (made during create, since the target exists once /proc is mounted). */
export default defineCase({
  id: 'filesystem.dev-symlinks.stderr',
  title: '/dev/stderr links to /proc/self/fd/2',
  requirements: ['RTL-DEV-SYMLINKS'],
  needs: ['root'],
  config: (c) => c.withScript('readlink /dev/stderr'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('RTL-DEV-SYMLINKS', 'readlink /dev/stderr', '/proc/self/fd/2\n', stdout);
  },
});
