import { defineCase } from '../../../case.js';
import { makeNodes, parseReads, readScript } from './_nodes.js';

/**
 * Entries apply in order, so a later one overrides an earlier one: deny all,
 * allow c 42:2 r, deny c 42:2 r, allow c 42:1 r. Inside, 42:1 can be opened
 * and 42:2 cannot; a runtime that applied the allows last (or ignored order)
 * would let 42:2 through. (An exception carved out of a wildcard would not
 * work on v1, so the override is on the exact same device.)
 */
export default defineCase({
  id: 'linux.cgroups.devices.order',
  title: 'devices entries apply in order: a later deny overrides an earlier allow',
  requirements: ['LNX-CGDEV-ORDER'],
  needs: ['cgroup-write', 'cgroup-devices'],
  config: (c) =>
    c
      .withResources({
        devices: [
          { allow: false, access: 'rwm' },
          { allow: true, type: 'c', major: 42, minor: 2, access: 'r' },
          { allow: false, type: 'c', major: 42, minor: 2, access: 'r' },
          { allow: true, type: 'c', major: 42, minor: 1, access: 'r' },
        ],
      })
      .withScript(readScript([1, 2])),
  run: async (ctx) => {
    await makeNodes(ctx.bundle, [1, 2]);
    const got = parseReads((await ctx.runToExit()).stdout);
    ctx.expectEqual('LNX-CGDEV-ORDER', 'opening c 42:1 (allowed by the last entry)', 'allowed', got['42:1']?.verdict);
    ctx.expectEqual('LNX-CGDEV-ORDER', 'opening c 42:2 (allowed, then denied by a later entry)', 'denied', got['42:2']?.verdict);
  },
});
