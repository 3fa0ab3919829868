import { defineCase } from '../../../case.js';
import { UP } from '../../../_lib/lifecycle.js';
import { cgroupPlaces, dirExists, label } from '../../../_lib/cgroup-places.js';
import { setCgroupsPath } from '../_lib/config-file.js';
import { pathsOf } from '../_lib/procs.js';

/**
 * An absolute cgroupsPath is taken from the cgroup mount point: the
 * container process sits at exactly that path in every controller hierarchy
 * it joined (its /proc/<pid>/cgroup), the directory exists, and the process
 * is listed in its cgroup.procs.
 */
export default defineCase({
  id: 'linux.cgroups.path.absolute',
  title: 'an absolute cgroupsPath puts the container at that path from the hierarchy root',
  requirements: ['LNX-CGROUPSPATH-ABSOLUTE-ROOT'],
  needs: ['cgroup-write'],
  config: (c) => c.withScript(UP),
  run: async (ctx) => {
    if (ctx.host.cgroups.mode === 'none') ctx.skip('no cgroup hierarchy is mounted on this host');
    const abs = `/${ctx.cgroupsPath.replace(/^\/+/, '')}`;
    await setCgroupsPath(ctx.bundle, abs);
    await ctx.create();
    const pid = await ctx.pid();
    const places = (await cgroupPlaces(pid, ctx.host.cgroups)).filter((p) => p.path !== '/');
    if (!ctx.expect('LNX-CGROUPSPATH-ABSOLUTE-ROOT', places.length > 0, { message: `the container process is in no cgroup below any hierarchy root; cgroupsPath was ${abs}` })) return;
    for (const p of places) {
      ctx.expectEqual('LNX-CGROUPSPATH-ABSOLUTE-ROOT', `${label(p)} cgroup of the container process`, abs, p.path);
      ctx.expect('LNX-CGROUPSPATH-ABSOLUTE-ROOT', await dirExists(p.dir), { message: `the ${label(p)} cgroup directory ${p.dir} does not exist` });
      ctx.expect('LNX-CGROUPSPATH-ABSOLUTE-ROOT', (await pathsOf(p.dir)).includes(pid), { message: `pid ${pid} is not in ${p.dir}/cgroup.procs` });
    }
  },
});
