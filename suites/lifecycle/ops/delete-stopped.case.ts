import { defineCase } from '../../case.js';
import { startUp, UP } from '../../_lib/lifecycle.js';
import { cgroupPlaces, dirExists, hasCgroupsPath, label } from '../../_lib/cgroup-places.js';

/**
 * `delete` of a stopped container succeeds and removes what create made: the
 * ID is gone (state of it fails) and so are the container's cgroup
 * directories, read from /proc/<pid>/cgroup while it ran.
 */
export default defineCase({
  id: 'lifecycle.ops.delete.stopped',
  title: 'delete of a stopped container removes it: state of its ID fails and its cgroups are gone',
  requirements: ['RT-DELETE-REMOVES-RESOURCES', 'RT-QUERY-STATE-NONEXISTENT-ERROR'],
  config: (c) => c.withScript(UP),
  run: async (ctx) => {
    await startUp(ctx);
    // Without a cgroupsPath (a rootless run with no delegated cgroup) the container sits in ours: not its own to remove.
    const own = hasCgroupsPath(ctx.config);
    const places = own ? (await cgroupPlaces(await ctx.pid(), ctx.host.cgroups)).filter((p) => p.path !== '/') : [];
    await ctx.kill('SIGKILL');
    await ctx.waitStopped();
    await ctx.delete();
    ctx.expectError('RT-QUERY-STATE-NONEXISTENT-ERROR', await ctx.runtime.state(ctx.id), `state of the deleted container ${ctx.id}`);
    for (const p of places) {
      ctx.expect('RT-DELETE-REMOVES-RESOURCES', !(await dirExists(p.dir)), { message: `the container's ${label(p)} cgroup ${p.dir} still exists after delete` });
    }
    if (!own) ctx.note('the config has no cgroupsPath, so the container had no cgroup of its own: only the state check applied');
    else if (places.length === 0) ctx.note('the container sat in no non-root cgroup: only the state check applied');
  },
});
