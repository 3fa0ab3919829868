import { defineCase } from '../case.js';

/** /dev/fd is a symbolic link to /proc/self/fd (made during create, since the target exists once /proc is mounted). */
export default defineCase({
  id: 'filesystem.dev-symlinks.fd',
  title: '/dev/fd links to /proc/self/fd',
  requirements: ['RTL-DEV-SYMLINKS'],
  needs: ['root'],
  config: (c) => c.withScript('readlink /dev/fd'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('RTL-DEV-SYMLINKS', 'readlink /dev/fd', '/proc/self/fd\n', stdout);
  },
});
