import { attempt, defineCase, LINUX_MOUNT_OPTIONS } from '../case.js';
import { readFeatures, stringList } from './_lib/features.js';

/** Options that change what kind of mount it is or need more than a tmpfs: not tried here. */
const NOT_ON_TMPFS = new Set(['bind', 'rbind', 'remount', 'idmap', 'ridmap']);

function mount(opts: readonly string[]): { destination: string; type: string; source: string; options: string[] } {
  return { destination: '/mnt/h8-opts', type: 'tmpfs', source: 'tmpfs', options: ['size=1m', ...opts] };
}

/**
 * Every mount option features lists is recognised: a tmpfs mount carrying
 * all the listed options of the spec's Linux table is created. When that
 * fails, each option is tried alone to name the one refused.
 */
export default defineCase({
  id: 'misc.features.mount-options-recognized',
  title: 'the mount options listed by features are accepted on a mount',
  requirements: ['FEAT-MOUNTOPTIONS-RECOGNIZED'],
  needs: ['runtime-features'],
  timeoutMs: 180_000,
  run: async (ctx) => {
    const { doc } = await readFeatures(ctx);
    const listed = stringList(doc.mountOptions);
    const tried = listed.filter((o) => LINUX_MOUNT_OPTIONS.includes(o) && !NOT_ON_TMPFS.has(o));
    const skipped = listed.filter((o) => !tried.includes(o));
    if (skipped.length > 0) ctx.note(`not tried on a tmpfs: ${skipped.join(', ')}`);
    if (tried.length === 0) ctx.skip('features lists no mount option of the Linux table that a tmpfs can take');
    const all = await ctx.another('all', (b) => b.withMount(mount(tried)));
    const a = await attempt(ctx.runtime, all);
    if (!a.failedAt) return;
    ctx.note(`all ${tried.length} options together failed at ${a.failedAt}; trying each alone`);
    for (const [i, o] of tried.entries()) {
      const one = await ctx.another(`o${i}`, (b) => b.withMount(mount([o])));
      const r = await attempt(ctx.runtime, one);
      ctx.expect('FEAT-MOUNTOPTIONS-RECOGNIZED', !r.failedAt, { message: `a tmpfs mount with '${o}' (listed by features) was refused at ${r.failedAt}`, actual: r.call.stderr.trim().slice(-300) });
    }
  },
});
