import { defineCase, readCgroupResources } from '../../../case.js';

/**
 * On cgroup v1 the devices controller shows its rules (devices.list): after
 * deny-all plus an allow of c 42:1 rw, the list has that entry and no
 * allow-everything 'a *:* rwm'. (v2 rules are eBPF: see allow-mknod.)
 */
export default defineCase({
  id: 'linux.cgroups.devices.list-v1',
  title: 'on cgroup v1, devices.list of the container cgroup holds the allowed entry and no allow-all',
  requirements: ['LNX-CGDEV-APPLIED'],
  needs: ['cgroup-write', 'cgroup-v1', 'cgroup-devices'],
  config: (c) => c.withResources({ devices: [{ allow: false, access: 'rwm' }, { allow: true, type: 'c', major: 42, minor: 1, access: 'rw' }] }),
  run: async (ctx) => {
    if (!ctx.host.cgroups.v1.devices) ctx.skip('no v1 devices hierarchy on this host (device rules are eBPF programs, not readable)');
    await ctx.create();
    const rules = (await readCgroupResources(await ctx.pid(), ctx.host.cgroups)).devices ?? ctx.skip('the container cgroup has no readable devices.list');
    ctx.expect('LNX-CGDEV-APPLIED', rules.some((r) => r.type === 'c' && r.major === 42 && r.minor === 1 && r.access === 'rw'), { message: 'devices.list lacks c 42:1 rw', actual: rules });
    ctx.expect('LNX-CGDEV-APPLIED', !rules.some((r) => r.type === 'a'), { message: 'devices.list still allows every device (a *:* ...) after a deny-all entry', actual: rules });
  },
});
