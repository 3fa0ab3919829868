import { defineCase } from '../case.js';

/** /dev/stdout is a symbolic link to /proc/self/fd/1 (made during create, since the target exists once /proc is mounted). */
export default defineCase({
  id: 'filesystem.dev-symlinks.stdout',
  title: '/dev/stdout links to /proc/self/fd/1',
  requirements: ['RTL-DEV-SYMLINKS'],
  needs: ['root'],
  config: (c) => c.withScript('readlink /dev/stdout'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('RTL-DEV-SYMLINKS', 'readlink /dev/stdout', '/proc/self/fd/1\n', stdout);
  },
});
