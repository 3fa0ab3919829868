import { defineCase } from '../../../case.js';
import { makeNodes, parseReads, readScript } from './_nodes.js';

/**
 * After the base entry denying everything, one entry allows reading c 42:1:
 * inside, opening 42:1 gets past the cgroup (ENXIO: no driver), while 42:2,
 * never allowed, is refused with EPERM.
 */
export default defineCase({
  id: 'linux.cgroups.devices.allow',
  title: 'a devices allow entry lets exactly that device be opened',
  requirements: ['LNX-CGDEV-APPLIED'],
  needs: ['cgroup-write', 'cgroup-devices'],
  config: (c) => c.withResources({ devices: [{ allow: false, access: 'rwm' }, { allow: true, type: 'c', major: 42, minor: 1, access: 'r' }] }).withScript(readScript([1, 2])),
  run: async (ctx) => {
    await makeNodes(ctx.bundle, [1, 2]);
    const got = parseReads((await ctx.runToExit()).stdout);
    ctx.expectEqual('LNX-CGDEV-APPLIED', 'opening c 42:1 (allowed)', 'allowed', got['42:1']?.verdict);
    ctx.expectEqual('LNX-CGDEV-APPLIED', 'opening c 42:2 (not allowed)', 'denied', got['42:2']?.verdict);
    if (got['42:1']?.verdict === 'other' || got['42:2']?.verdict === 'other') ctx.note(`reads: ${JSON.stringify(got)}`);
  },
});
