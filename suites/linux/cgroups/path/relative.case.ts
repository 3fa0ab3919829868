import { defineCase } from '../../../case.js';
import { cgroupPlaces, dirExists, label } from '../../../_lib/cgroup-places.js';
import { pathsOf } from '../_lib/procs.js';

/**
 * A relative cgroupsPath (the harness's own, prefix/id) is placed below a
 * location the runtime chooses: every controller cgroup of the container
 * ends with that path, exists, and lists the process.
 */
export default defineCase({
  id: 'linux.cgroups.path.relative',
  title: 'a relative cgroupsPath puts the container in a cgroup ending with that path',
  requirements: ['LNX-CGROUPSPATH-APPLIED'],
  needs: ['cgroup-write'],
  run: async (ctx) => {
    if (ctx.host.cgroups.mode === 'none') ctx.skip('no cgroup hierarchy is mounted on this host');
    const rel = ctx.cgroupsPath;
    if (rel.startsWith('/')) ctx.skip(`the harness gave an absolute cgroupsPath (${rel}); this case needs a relative one`);
    await ctx.create();
    const pid = await ctx.pid();
    const places = (await cgroupPlaces(pid, ctx.host.cgroups)).filter((p) => p.path !== '/');
    if (!ctx.expect('LNX-CGROUPSPATH-APPLIED', places.length > 0, { message: `the container process is in no cgroup below any hierarchy root; cgroupsPath was ${rel}` })) return;
    for (const p of places) {
      ctx.expect('LNX-CGROUPSPATH-APPLIED', p.path.endsWith(`/${rel}`), { message: `the ${label(p)} cgroup ${p.path} does not end with the relative cgroupsPath ${rel}`, expected: `.../${rel}`, actual: p.path });
      ctx.expect('LNX-CGROUPSPATH-APPLIED', await dirExists(p.dir), { message: `the ${label(p)} cgroup directory ${p.dir} does not exist` });
      ctx.expect('LNX-CGROUPSPATH-APPLIED', (await pathsOf(p.dir)).includes(pid), { message: `pid ${pid} is not in ${p.dir}/cgroup.procs` });
    }
  },
});
