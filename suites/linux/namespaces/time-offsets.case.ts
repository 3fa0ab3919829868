import { createOrRefusal, defineCase, HOLD, readTimensOffsets } from '../../case.js';
import { SUPPORT_REQS, refusedBeyondType } from './_lib/support.js';

const OFFSETS = { monotonic: { secs: 86400, nanosecs: 0 }, boottime: { secs: 7200, nanosecs: 500 } };

/**
 * linux.timeOffsets (1.1.0 on) are the offsets of the container's time namespace (/proc/<pid>/timens_offsets).
 * When create refuses the offsets, a second container asks for a time namespace alone: refused too, the runtime
 * lacks time namespaces (a SHOULD, see _lib/support.ts); accepted, it refused offsets it could apply on this host.
 */
export default defineCase({
  id: 'linux.namespaces.time.offsets',
  title: 'linux.timeOffsets are the monotonic and boottime offsets of the time namespace',
  requirements: ['LNX-TIMEOFFSETS-APPLIED', 'LNX-NS-CREATE'],
  also: [...SUPPORT_REQS],
  needs: ['timens'],
  config: (c) => c.withNamespace('time').withLinux({ timeOffsets: OFFSETS }).withScript(HOLD),
  run: async (ctx) => {
    const refused = await createOrRefusal(ctx);
    if (refused === undefined) {
      await ctx.start();
      await ctx.waitForOutput('ready');
      ctx.expectMatch('LNX-TIMEOFFSETS-APPLIED', 'timens_offsets of the process', OFFSETS, await readTimensOffsets(await ctx.pid()));
      return;
    }
    await refusedBeyondType(ctx, refused, 'time', 'LNX-TIMEOFFSETS-APPLIED', 'linux.timeOffsets');
  },
});
