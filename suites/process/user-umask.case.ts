import { defineCase, HOLD, readStatus, startHeld } from '../case.js';

/** process.user.umask (1.0.2 on) is the umask of the process (Umask in /proc/<pid>/status). */
export default defineCase({
  id: 'process.user.umask',
  title: 'process.user.umask is the umask of the process',
  requirements: ['CFG-USER-UMASK-APPLIED'],
  config: (c) => c.withUser({ uid: 0, gid: 0, umask: 0o027 }).withScript(HOLD),
  run: async (ctx) => {
    const s = await readStatus(await startHeld(ctx));
    if (s.umask === undefined) return ctx.skip('this kernel does not show Umask in /proc/<pid>/status (needs Linux 4.7)');
    ctx.expectEqual('CFG-USER-UMASK-APPLIED', 'Umask of /proc/<pid>/status (octal)', '27', s.umask.toString(8));
  },
});
