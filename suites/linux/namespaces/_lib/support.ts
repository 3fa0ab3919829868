/**
 * Namespace types are only SHOULD be supported (config-linux.md, Namespaces,
 * since 1.0.2), and a runtime that can't apply a property must refuse it at
 * create (runtime.md, Create). So a create refused over a namespace of a type
 * is a warning on LNX-NS-TYPES-SUPPORTED (before 1.0.2, where the spec has
 * no such SHOULD, the case's own MUST), provided no container is left; a
 * create that succeeds and then does not give the container the namespace is
 * the case's MUST failure, as before.
 */
import { type CaseContext, type ContainerHandle, createOrRefusal, HOLD, namespaceId, type NamespaceType, rawState, sameNamespace, type RequirementId } from '../../../case.js';
import { withOwn } from '../../../_lib/namespaces.js';
import { chargeable } from '../../../_lib/requirements.js';

/** What a case using `startOrUnsupported` lists in its `also`. */
export const SUPPORT_REQS = ['LNX-NS-TYPES-SUPPORTED', 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER'] as const;
type SupportReq = (typeof SUPPORT_REQS)[number];

/**
 * create + start + wait for `ready` of `c`, whose config asks for a namespace
 * of `type` of its own: the host pid, or undefined when create was refused
 * (then recorded as above, and the case has nothing more to look at).
 */
export async function startOrUnsupported<R extends RequirementId>(ctx: CaseContext<R | SupportReq>, c: ContainerHandle, type: NamespaceType, main: R, what = `a new ${type} namespace`): Promise<number | undefined> {
  const refused = await createOrRefusal(c);
  if (refused === undefined) {
    await c.start();
    await c.waitForOutput('ready');
    return c.pid();
  }
  const req = chargeable<R | SupportReq>(ctx, 'LNX-NS-TYPES-SUPPORTED', main);
  ctx.expect(req, false, {
    message:
      req === main
        ? `create refused ${what}; before runtime-spec 1.0.2 the namespace types are listed as supported, with no SHOULD: ${refused}`
        : `create refused ${what}: the runtime does not support ${type} namespaces (a SHOULD; refusing at create is how a runtime without one must answer): ${refused}`,
    expected: `a container with ${what}`,
    actual: refused,
  });
  ctx.expectError('RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER', (await rawState(ctx.runtime, c.id)).call, `state of ${c.id} after the refused create`);
  return undefined;
}

/**
 * A join case needs a holder in a namespace other than ours: otherwise a
 * joiner that merely inherited ours would look joined. Skips when the holder
 * has none of its own (the create case of the type reports that).
 */
export async function holderOwnsNamespace(ctx: CaseContext, holder: number, type: NamespaceType): Promise<void> {
  const [host, held] = await Promise.all([namespaceId('self', type), namespaceId(holder, type)]);
  if (sameNamespace(host, held)) ctx.skip(`the holder container is in our ${type} namespace, not one of its own (linux.namespaces.create.${type} reports that), so joining its namespace could not be told from inheriting ours`);
}

/**
 * Create refused a config that asks for a namespace of `type` plus more (offsets, id mappings):
 * a second container asks for the namespace alone. Refused too, the runtime lacks the type
 * (recorded by startOrUnsupported); accepted, the refusal was of the rest, charged to `applyReq`.
 */
export async function refusedBeyondType<R extends RequirementId>(ctx: CaseContext<R | SupportReq | 'LNX-NS-CREATE'>, refused: string, type: NamespaceType, applyReq: R, what: string): Promise<void> {
  const plain = await ctx.another('plain', (c) => withOwn(c, type).withScript(HOLD));
  if ((await startOrUnsupported(ctx, plain, type, 'LNX-NS-CREATE')) === undefined) return;
  ctx.expect(applyReq, false, { message: `create refused ${what} although the same runtime gives a container a ${type} namespace of its own on this host: ${refused}`, actual: refused });
}

/**
 * create + start + wait for `ready` of the case's own container, whose config
 * asks for a `type` namespace plus `what`: the host pid, or undefined when
 * create was refused (then sorted out by refusedBeyondType).
 */
export async function startOrRefusedBeyondType<R extends RequirementId>(ctx: CaseContext<R | SupportReq | 'LNX-NS-CREATE'>, type: NamespaceType, applyReq: R, what: string): Promise<number | undefined> {
  const refused = await createOrRefusal(ctx);
  if (refused !== undefined) {
    await refusedBeyondType(ctx, refused, type, applyReq, what);
    return undefined;
  }
  await ctx.start();
  await ctx.waitForOutput('ready');
  return ctx.pid();
}
