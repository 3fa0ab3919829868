import { cgroupDir, defineCase, readProcCgroups, readUnified } from '../../../case.js';

/**
 * On a cgroup v2 host, unified {"pids.max": "42", "memory.high": "67108864"}
 * lands in those files of the container cgroup, the controllers enabled as needed.
 */
export default defineCase({
  id: 'linux.cgroups.unified.applied-v2',
  title: 'unified keys are written to the files of the container cgroup (cgroup v2)',
  requirements: ['LNX-UNIFIED-APPLIED', 'LNX-UNIFIED-ENABLE-CONTROLLERS', 'LNX-UNIFIED-WRITE-UNKNOWN'],
  needs: ['cgroup-write', 'cgroup-v2', 'cgroup-pids', 'cgroup-memory'],
  config: (c) => c.withResources({ unified: { 'pids.max': '42', 'memory.high': '67108864' } }),
  run: async (ctx) => {
    await ctx.create();
    const dir = cgroupDir(ctx.host.cgroups, await readProcCgroups(await ctx.pid()), '') ?? ctx.skip('the container process has no unified cgroup directory');
    const got = await readUnified(dir, ['pids.max', 'memory.high']);
    ctx.expectEqual('LNX-UNIFIED-APPLIED', 'pids.max of the container cgroup', '42', got['pids.max']);
    ctx.expect('LNX-UNIFIED-ENABLE-CONTROLLERS', got['pids.max'] !== undefined && got['memory.high'] !== undefined, { message: 'the pids or memory controller is not enabled for the container cgroup (its files are missing)', actual: got });
    ctx.expectEqual('LNX-UNIFIED-WRITE-UNKNOWN', 'memory.high of the container cgroup', '67108864', got['memory.high']);
  },
});
