import { defineCase } from '../case.js';

/** The umask shows in what the program creates: a file made with `touch` under umask 077 has mode 600. */
export default defineCase({
  id: 'process.user.umask-applied',
  title: 'files the program creates follow process.user.umask',
  requirements: ['CFG-USER-UMASK-APPLIED'],
  config: (c) => c.withUser({ uid: 0, gid: 0, umask: 0o077 }).withScript('touch /tmp/h8-umask && stat -c %a /tmp/h8-umask'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('CFG-USER-UMASK-APPLIED', 'mode of a file created inside', '600\n', stdout);
  },
});
