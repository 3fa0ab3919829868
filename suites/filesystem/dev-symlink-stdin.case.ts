import { defineCase } from '../case.js';

/** /dev/stdin is a symbolic link to /proc/self/fd/0 (made during create, since the target exists once /proc is mounted). */
export default defineCase({
  id: 'filesystem.dev-symlinks.stdin',
  title: '/dev/stdin links to /proc/self/fd/0',
  requirements: ['RTL-DEV-SYMLINKS'],
  needs: ['root'],
  config: (c) => c.withScript('readlink /dev/stdin'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('RTL-DEV-SYMLINKS', 'readlink /dev/stdin', '/proc/self/fd/0\n', stdout);
  },
});
