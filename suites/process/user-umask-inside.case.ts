import { defineCase } from '../case.js';
import { needSpec } from './_lib/version.js';

/** The umask shows in what the program creates: a file made with `touch` under umask 077 has mode 600. */
export default defineCase({
  id: 'process.user.umask-applied',
  title: 'files the program creates follow process.user.umask',
  requirements: ['RT-START-RUNS-PROCESS'],
  needs: ['root'],
  config: (c) => c.withUser({ uid: 0, gid: 0, umask: 0o077 }).withScript('touch /tmp/h8-umask && stat -c %a /tmp/h8-umask'),
  run: async (ctx) => {
    needSpec(ctx, '1.0.2', 'process.user.umask');
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('RT-START-RUNS-PROCESS', 'mode of a file created inside', '600\n', stdout);
  },
});
