import { CAPABILITY_NAMES, defineCase, HOLD, readStatus, startHeld } from '../case.js';
import { sortedCaps } from './_lib/caps.js';

/**
 * From 1.1.0: a capability the runtime cannot map should not make it fail;
 * the capabilities it does know are still set. (The warning it must log is
 * not checked: where a runtime logs is its own choice.)
 */
export default defineCase({
  id: 'process.capabilities.unknown-no-fail',
  title: 'from 1.1.0, an unknown capability name does not stop the container; the known ones are applied',
  requirements: ['CFG-CAPABILITIES-NO-FAIL'],
  config: (c) =>
    c
      .withCapabilities({
        bounding: ['CAP_KILL', 'CAP_H8_NO_SUCH_CAPABILITY'],
        effective: ['CAP_KILL', 'CAP_H8_NO_SUCH_CAPABILITY'],
        permitted: ['CAP_KILL', 'CAP_H8_NO_SUCH_CAPABILITY'],
      })
      .withScript(HOLD),
  run: async (ctx) => {
    const s = await readStatus(await startHeld(ctx));
    ctx.expectEqual('CFG-CAPABILITIES-NO-FAIL', 'CapBnd of /proc/<pid>/status', sortedCaps(['CAP_KILL'], CAPABILITY_NAMES), s.capabilities.bounding);
  },
});
