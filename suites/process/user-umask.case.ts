import { defineCase } from '../case.js';
import { readStatus } from '../../harness/inspect/status.js';
import { HOLD, startHeld } from './_lib/running.js';
import { needSpec } from './_lib/version.js';

/** process.user.umask (1.0.2 on) is the umask of the process (Umask in /proc/<pid>/status). */
export default defineCase({
  id: 'process.user.umask',
  title: 'process.user.umask is the umask of the process',
  requirements: ['RT-START-RUNS-PROCESS'],
  needs: ['root'],
  config: (c) => c.withUser({ uid: 0, gid: 0, umask: 0o027 }).withScript(HOLD),
  run: async (ctx) => {
    needSpec(ctx, '1.0.2', 'process.user.umask');
    const s = await readStatus(await startHeld(ctx));
    if (s.umask === undefined) return ctx.skip('this kernel does not show Umask in /proc/<pid>/status (needs Linux 4.7)');
    ctx.expectEqual('RT-START-RUNS-PROCESS', 'Umask of /proc/<pid>/status (octal)', '27', s.umask.toString(8));
  },
});
