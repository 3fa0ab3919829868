import { CAPABILITY_NAMES, defineCase, HOLD, readStatus, startHeld } from '../case.js';
import { sortedCaps } from './_lib/caps.js';

/**
 * From 1.1.0: asking for a capability that can't be granted (here
 * CAP_SYS_ADMIN in effective and permitted, but not in bounding, so the
 * program can't keep it after exec) is a warning, not a failure; the
 * bounding set is still exactly the configured one.
 */
export default defineCase({
  id: 'process.capabilities.outside-bounding',
  title: 'from 1.1.0, effective capabilities outside the bounding set do not stop the container',
  requirements: ['CFG-CAPABILITIES-NO-FAIL'],
  config: (c) =>
    c
      .withCapabilities({
        bounding: ['CAP_KILL', 'CAP_NET_BIND_SERVICE'],
        effective: ['CAP_KILL', 'CAP_NET_BIND_SERVICE', 'CAP_SYS_ADMIN'],
        permitted: ['CAP_KILL', 'CAP_NET_BIND_SERVICE', 'CAP_SYS_ADMIN'],
        inheritable: [],
        ambient: [],
      })
      .withScript(HOLD),
  run: async (ctx) => {
    const s = await readStatus(await startHeld(ctx));
    ctx.expectEqual('CFG-CAPABILITIES-NO-FAIL', 'CapBnd of /proc/<pid>/status', sortedCaps(['CAP_KILL', 'CAP_NET_BIND_SERVICE'], CAPABILITY_NAMES), s.capabilities.bounding);
  },
});
