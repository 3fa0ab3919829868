import { type Condition, createOrRefusal, defineCase, HOLD, namespaceId, type NamespaceType, sameNamespace } from '../case.js';
import { withOwn } from '../_lib/namespaces.js';
import { readFeatures, stringList } from './_lib/features.js';

const KNOWN: readonly NamespaceType[] = ['pid', 'network', 'mount', 'ipc', 'uts', 'user', 'cgroup', 'time'];
const HOST_NEEDS: Partial<Record<NamespaceType, Condition>> = { user: 'userns', cgroup: 'cgroupns', time: 'timens' };

/**
 * Every namespace type features lists is recognised in linux.namespaces: a
 * container asking for a new namespace of that type is created and gets one.
 * Types this host can't create are left out, with a note; a listed type whose
 * container is refused is a violation, and the other types are still tried.
 */
export default defineCase({
  id: 'misc.features.namespaces-recognized',
  title: 'each namespace type listed by features gives a container a new namespace of that type',
  requirements: ['FEATL-NAMESPACES-RECOGNIZED'],
  // one container per listed type (up to 8), one after another
  timeoutMs: 120_000,
  needs: ['runtime-features'],
  run: async (ctx) => {
    const { doc } = await readFeatures(ctx);
    const listed = stringList(doc.linux?.namespaces);
    if (listed.length === 0) ctx.skip('features lists no linux.namespaces');
    for (const t of listed) {
      if (!(KNOWN as readonly string[]).includes(t)) {
        ctx.note(`features lists ${t}, which no runtime-spec version defines; not tried`);
        continue;
      }
      const type = t as NamespaceType;
      const cond = HOST_NEEDS[type];
      if (cond && !ctx.host.conditions[cond].ok) {
        ctx.note(`${type} not tried: this host lacks ${cond}`);
        continue;
      }
      const c = await ctx.another(`ns-${type}`, (b) => withOwn(b, type).withScript(HOLD));
      const refused = await createOrRefusal(c);
      if (refused !== undefined) {
        ctx.expect('FEATL-NAMESPACES-RECOGNIZED', false, { message: `features lists ${type}, but create refused a container asking for a ${type} namespace of its own: ${refused}`, actual: refused });
        continue;
      }
      await c.start();
      await c.waitForOutput('ready');
      const pid = await c.pid();
      const [host, mine] = await Promise.all([namespaceId('self', type), namespaceId(pid, type)]);
      ctx.expect('FEATL-NAMESPACES-RECOGNIZED', !sameNamespace(host, mine), { message: `features lists ${type}, but the container asking for it stays in ours`, actual: mine.link });
    }
  },
});
