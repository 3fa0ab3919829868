/**
 * Sysctl helpers: the host's current value of a key (read from our own
 * /proc/sys, never written), and the shared shape of the sysctl cases.
 */
import { readFile } from 'node:fs/promises';
import { type CaseContext, createOrRefusal, type NamespaceType, rawState } from '../../../case.js';

export function sysctlPath(key: string): string {
  return `/proc/sys/${key.replace(/\./g, '/')}`;
}

/** The host's value (whitespace-normalised), or undefined when this kernel has no such key. */
export async function hostSysctl(key: string): Promise<string | undefined> {
  try {
    return (await readFile(sysctlPath(key), 'utf8')).trim().replace(/\s+/g, ' ');
  } catch {
    return undefined;
  }
}

type ApplyReq = 'LNX-SYSCTL-APPLIED' | 'RT-ERROR-STATE-UNCHANGED';

/**
 * A namespaced key set in the config: inside, /proc/sys shows the value; on the
 * host, the key keeps the value it had before. The value is the first of
 * `values` that differs from what a container of the same runtime sees without
 * the sysctl (a fresh namespace may start with the host's value, e.g. with
 * net.core.devconf_inherit_init_net): a runtime that ignored the key could not
 * pass. When every candidate is the default, the case skips.
 */
export async function namespacedCase(ctx: CaseContext<ApplyReq>, key: string, ...values: readonly [string, ...string[]]): Promise<void> {
  const before = await hostSysctl(key);
  if (before === undefined) ctx.skip(`this kernel has no sysctl ${key}`);
  const probe = await ctx.another('d', (b) => b.withScript(`cat ${sysctlPath(key)}`));
  await probe.runToExit();
  const fresh = (await probe.readStdout()).trim().replace(/\s+/g, ' ');
  const value = values.find((v) => v !== fresh);
  if (value === undefined) ctx.skip(`a container without the sysctl already sees ${key} = ${fresh}, the only value tried (${values.join(', ')}), so applying it could not be told from ignoring it`);
  const c = await ctx.another('s', (b) => b.withSysctl(key, value).withScript(`cat ${sysctlPath(key)}`));
  await c.create();
  await c.start();
  await c.waitStopped();
  ctx.expectEqual('LNX-SYSCTL-APPLIED', `${key} inside the container (${fresh} without the sysctl)`, value, (await c.readStdout()).trim().replace(/\s+/g, ' '));
  ctx.expectEqual('LNX-SYSCTL-APPLIED', `${key} on the host (must not change)`, before, await hostSysctl(key));
}

type RefuseReq = 'RT-CREATE-UNSUPPORTED-PROPERTY-ERROR' | 'RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER';

/**
 * A key that would change the host if written (not namespaced, or its
 * namespace is not a new one): create must fail and leave no container. The
 * value is the host's CURRENT one, so even a runtime that wrongly writes it
 * on the host changes nothing.
 */
export async function refusedCase(ctx: CaseContext<RefuseReq>, key: string, sharedNs?: NamespaceType): Promise<void> {
  const current = await hostSysctl(key);
  if (current === undefined) ctx.skip(`this kernel has no sysctl ${key}`);
  const c = await ctx.another('s', (b) => {
    const withKey = b.withSysctl(key, current);
    if (!sharedNs) return withKey;
    // Sharing the host's uts namespace, a hostname would be refused for its own sake: drop it.
    const shared = withKey.withoutNamespace(sharedNs);
    return sharedNs === 'uts' ? shared.merge({ hostname: null }) : shared;
  });
  const refused = await createOrRefusal(c);
  const where = sharedNs ? `while the container shares the host's ${sharedNs} namespace` : '(not namespaced: it is the host-wide value)';
  ctx.expect('RT-CREATE-UNSUPPORTED-PROPERTY-ERROR', refused !== undefined, { message: `create accepted sysctl ${key} ${where}` });
  if (refused !== undefined) ctx.expectError('RT-CREATE-UNSUPPORTED-PROPERTY-NO-CONTAINER', (await rawState(ctx.runtime, c.id)).call, 'state after the refused create');
}
