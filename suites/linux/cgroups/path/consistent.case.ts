import { defineCase } from '../../../case.js';
import { cgroupPlaces, label } from '../../../_lib/cgroup-places.js';
import { setCgroupsPath } from '../_lib/config-file.js';

/**
 * The same cgroupsPath leads to the same place: a first container is created,
 * its cgroups noted, then deleted; a second container given the very same
 * cgroupsPath lands in the very same cgroups.
 */
export default defineCase({
  id: 'linux.cgroups.path.consistent',
  title: 'the same cgroupsPath puts two successive containers in the same cgroups',
  requirements: ['LNX-CGROUPSPATH-CONSISTENT'],
  needs: ['cgroup-write'],
  config: (c) => c.withScript('exec sleep 600'),
  run: async (ctx) => {
    if (ctx.host.cgroups.mode === 'none') ctx.skip('no cgroup hierarchy is mounted on this host');
    await ctx.create();
    const first = (await cgroupPlaces(await ctx.pid(), ctx.host.cgroups)).map((p) => `${label(p)}:${p.path}`).sort();
    await ctx.kill('SIGKILL');
    await ctx.waitStopped();
    await ctx.delete();
    const second = await ctx.another('again', (c) => c.withScript('exec sleep 600'));
    await setCgroupsPath(second.bundle, ctx.cgroupsPath);
    await second.create();
    const again = (await cgroupPlaces(await second.pid(), ctx.host.cgroups)).map((p) => `${label(p)}:${p.path}`).sort();
    ctx.expectEqual('LNX-CGROUPSPATH-CONSISTENT', 'cgroups of the second container with the same cgroupsPath', first, again);
  },
});
