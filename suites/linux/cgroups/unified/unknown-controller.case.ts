import { readdir } from 'node:fs/promises';
import { createOrRefusal, defineCase, rawState } from '../../../case.js';

/** A harmless unified key (the value every cgroup starts with) for a controller of the unified hierarchy. */
async function knownKey(controllers: readonly string[]): Promise<Record<string, string> | undefined> {
  if (controllers.includes('pids')) return { 'pids.max': 'max' };
  if (controllers.includes('memory')) return { 'memory.high': 'max' };
  if (controllers.includes('cpu')) return { 'cpu.weight': '100' };
  if (controllers.includes('hugetlb')) {
    const m = /^hugepages-(\d+)kB$/.exec((await readdir('/sys/kernel/mm/hugepages').catch(() => [] as string[]))[0] ?? '');
    const kb = Number(m?.[1]);
    if (kb > 0) return { [`hugetlb.${kb >= 1048576 ? `${kb / 1048576}GB` : kb >= 1024 ? `${kb / 1024}MB` : `${kb}KB`}.max`]: 'max' };
  }
  return undefined;
}

/**
 * A unified key naming a controller no kernel has ("ociconformnone.max")
 * refers to a controller that is not present: create must fail. A refusal
 * only counts when the runtime accepts a unified key for a controller the
 * unified hierarchy does have (a second container, with that key's default
 * value): a runtime that refuses every unified key (runc on a v1 or hybrid
 * host) can't show here that it tells a missing controller apart, and the
 * case skips saying so.
 */
export default defineCase({
  id: 'linux.cgroups.unified.unknown-controller',
  title: 'a unified key for a controller that does not exist makes create fail (where a known controller is accepted)',
  requirements: ['LNX-UNIFIED-MISSING-CONTROLLER-ERROR', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'],
  needs: ['cgroup-write'],
  config: (c) => c.withResources({ unified: { 'ociconformnone.max': '1' } }),
  run: async (ctx) => {
    const known = await knownKey(ctx.host.cgroups.unifiedControllers);
    if (!known) ctx.skip(`this host's unified hierarchy offers no controller we have a harmless key for (${ctx.host.cgroups.unifiedControllers.join(', ') || 'none'}), so a refusal of the unknown one could not be told from a refusal of every unified key`);
    const control = await ctx.another('known', (c) => c.withResources({ unified: known! }));
    const controlRefused = await createOrRefusal(control);
    if (controlRefused !== undefined) ctx.skip(`the runtime also refuses ${JSON.stringify(known)}, a key of a controller the unified hierarchy has, so its answer to an unknown controller says nothing: ${controlRefused}`);
    const refused = await createOrRefusal(ctx);
    ctx.expect('LNX-UNIFIED-MISSING-CONTROLLER-ERROR', refused !== undefined, { message: `create accepted a unified key for the nonexistent controller ociconformnone (it accepts ${JSON.stringify(known)} too)` });
    if (refused !== undefined) ctx.expectError('RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER', (await rawState(ctx.runtime, ctx.id)).call, 'state after the refused create');
  },
});
