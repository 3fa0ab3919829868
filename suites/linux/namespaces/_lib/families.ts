/**
 * The three cases every namespace type gets, as factories: create (an entry
 * without a path gives a new namespace), inherit (no entry keeps the
 * runtime's) and join (an entry with a path joins that namespace). A case
 * file is one call, e.g. `export default inheritNamespaceCase('ipc')`; what
 * differs between types is data: the host conditions and mappings come from
 * NS_INFO and withOwn/withJoined/withInherited (suites/_lib/namespaces.ts),
 * and a type newer than 1.0.0 names its own entry in `more` (the time
 * namespace: LNX-NS-TIME-TYPE), which gates the case like the main one.
 */
import { type CaseDefinition, defineCase, HOLD, namespaceId, NS_FILE, type NamespaceType, sameNamespace, startHeld, type RequirementId } from '../../../case.js';
import { JOIN_NEEDS, NS_INFO, withInherited, withJoined, withOwn } from '../../../_lib/namespaces.js';
import { holderOwnsNamespace, startOrUnsupported, SUPPORT_REQS } from './support.js';

/** linux.namespaces.create.<type>: /proc/<pid>/ns/<type> of the container differs from ours. */
export function createNamespaceCase(type: NamespaceType, more: readonly RequirementId[] = []): CaseDefinition {
  return defineCase({
    id: `linux.namespaces.create.${type}`,
    title: `a ${type} namespace entry without path creates a new ${type} namespace`,
    requirements: ['LNX-NS-CREATE', ...more],
    also: [...SUPPORT_REQS],
    needs: NS_INFO[type].needs,
    config: (c) => withOwn(c, type).withScript(HOLD),
    run: async (ctx) => {
      const pid = await startOrUnsupported(ctx, ctx, type, 'LNX-NS-CREATE');
      if (pid === undefined) return;
      const [host, mine] = await Promise.all([namespaceId('self', type), namespaceId(pid, type)]);
      ctx.expect('LNX-NS-CREATE', !sameNamespace(host, mine), {
        message: `the container is still in the ${type} namespace of the runtime, not a new one`,
        expected: `not ${host.link}`,
        actual: mine.link,
      });
    },
  });
}

/**
 * linux.namespaces.inherit.<type>: with no entry of the type the container is
 * in our namespace of it (we started the runtime). Needs no userns: nothing
 * of the type is created.
 */
export function inheritNamespaceCase(type: NamespaceType, more: readonly RequirementId[] = []): CaseDefinition {
  return defineCase({
    id: `linux.namespaces.inherit.${type}`,
    title: `without a ${type} entry the container shares the ${type} namespace of the runtime`,
    requirements: ['LNX-NS-INHERIT', ...more],
    needs: NS_INFO[type].inheritNeeds,
    config: (c) => withInherited(c, type).withScript(HOLD),
    run: async (ctx) => {
      const pid = await startHeld(ctx);
      const [host, mine] = await Promise.all([namespaceId('self', type), namespaceId(pid, type)]);
      ctx.expectEqual('LNX-NS-INHERIT', `${type} namespace of the container (/proc/<pid>/ns)`, host.link, mine.link);
      ctx.expect('LNX-NS-INHERIT', sameNamespace(host, mine), { message: `the ${type} namespace inode differs from the one of the runtime`, expected: host, actual: mine });
    },
  });
}

/**
 * linux.namespaces.join.<type>: the namespace belongs to the case. The first
 * container creates it (skipping when it is ours after all), the second names
 * /proc/<first pid>/ns/<file> and must end up in it.
 */
export function joinNamespaceCase(type: NamespaceType, more: readonly RequirementId[] = []): CaseDefinition {
  return defineCase({
    id: `linux.namespaces.join.${type}`,
    title: `a ${type} namespace entry with a path joins the namespace at that path`,
    requirements: ['LNX-NS-PATH-JOIN', ...more],
    also: [...SUPPORT_REQS],
    needs: [...new Set([...NS_INFO[type].needs, ...JOIN_NEEDS])],
    config: (c) => withOwn(c, type).withScript(HOLD),
    run: async (ctx) => {
      const holder = await startOrUnsupported(ctx, ctx, type, 'LNX-NS-PATH-JOIN');
      if (holder === undefined) return;
      await holderOwnsNamespace(ctx, holder, type);
      const path = `/proc/${holder}/ns/${NS_FILE[type]}`;
      const joiner = await ctx.another('joiner', (c) => withJoined(c, type, path).withScript(HOLD));
      const pid = await startHeld(joiner);
      const [want, got] = await Promise.all([namespaceId(holder, type), namespaceId(pid, type)]);
      ctx.expect('LNX-NS-PATH-JOIN', sameNamespace(want, got), {
        message: `the container is not in the ${type} namespace of ${path}`,
        expected: want.link,
        actual: got.link,
      });
    },
  });
}
