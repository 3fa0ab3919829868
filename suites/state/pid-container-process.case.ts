import { defineCase } from '../case.js';
import { readCmdline } from '../../harness/inspect/process.js';
import { namespaceId, sameNamespace } from '../../harness/inspect/namespaces.js';

/**
 * state.pid is the container process: the same pid the --pid-file names, in
 * the container's own pid namespace (not ours), and after start that process
 * is running process.args.
 */
export default defineCase({
  id: 'state.pid.container-process',
  title: 'state.pid names the container process: pid file, new pid namespace, and process.args after start',
  requirements: ['RT-STATE-PID-REQUIRED-LINUX', 'RT-START-RUNS-PROCESS'],
  needs: ['root'],
  config: (c) => c.withArgs('/bin/sleep', '600'),
  run: async (ctx) => {
    await ctx.create();
    const created = await ctx.state();
    const pidFile = await ctx.pid();
    ctx.expectEqual('RT-STATE-PID-REQUIRED-LINUX', 'state.pid after create (against the --pid-file)', pidFile, created.pid);
    if (created.pid === undefined) return;
    const [theirs, ours] = await Promise.all([namespaceId(created.pid, 'pid'), namespaceId('self', 'pid')]);
    ctx.expect('RT-STATE-PID-REQUIRED-LINUX', !sameNamespace(theirs, ours), { message: `process ${created.pid} of state.pid is in our own pid namespace, not the container's new one` });
    await ctx.start();
    const running = await ctx.state();
    ctx.expectEqual('RT-STATE-PID-REQUIRED-LINUX', 'state.pid after start', created.pid, running.pid);
    ctx.expectEqual('RT-START-RUNS-PROCESS', `cmdline of state.pid ${created.pid} after start`, ['/bin/sleep', '600'], await readCmdline(created.pid).catch(() => undefined));
  },
});
