import { defineCase, HOLD, readStatus, startHeld } from '../case.js';
import { readFeatures, stringList } from './_lib/features.js';

/**
 * Every capability features lists is recognised in process.capabilities: a
 * container whose bounding set names them all runs, and holds each one that
 * we hold ourselves (a bounding set can't gain what the runtime lacks).
 */
export default defineCase({
  id: 'misc.features.capabilities-recognized',
  title: 'the capabilities listed by features are accepted and kept in the bounding set',
  requirements: ['FEATL-CAPABILITIES-RECOGNIZED'],
  needs: ['runtime-features'],
  run: async (ctx) => {
    const { doc } = await readFeatures(ctx);
    const listed = stringList(doc.linux?.capabilities);
    if (listed.length === 0) ctx.skip('features lists no linux.capabilities');
    const ours = (await readStatus('self')).capabilities.bounding;
    const c = await ctx.another('caps', (b) => b.withCapabilities({ bounding: listed }).withScript(HOLD));
    const got = new Set((await readStatus(await startHeld(c))).capabilities.bounding);
    const missing = listed.filter((n) => ours.includes(n) && !got.has(n));
    ctx.expectEqual('FEATL-CAPABILITIES-RECOGNIZED', 'listed capabilities we hold but the container lacks in CapBnd', [], missing);
    const notOurs = listed.filter((n) => !ours.includes(n));
    if (notOurs.length > 0) ctx.note(`not expected in the container (we lack them ourselves): ${notOurs.join(', ')}`);
  },
});
