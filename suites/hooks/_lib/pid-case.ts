/**
 * One case per hook kind: since 1.1.0 the pid in the state a hook reads is the
 * container process as seen from where the hook runs. A createContainer or
 * startContainer hook runs in the container namespace, where the process (in
 * its own pid namespace) is 1; a runtime-namespace hook sees the host pid.
 * A runtime that hands every hook the host pid, or every hook 1, fails one of them.
 * The minimal config gives the container its own pid namespace.
 */
import { type CaseDefinition, defineCase, type HookKind, parseState } from '../../case.js';
import { runScenario } from './scenario.js';
import { outcomeOf } from './checks.js';
import { INVOKED } from './stdin-case.js';

const IN_CONTAINER: ReadonlySet<HookKind> = new Set(['createContainer', 'startContainer']);

export function pidCase(kind: Exclude<HookKind, 'poststop'>, slug: string): CaseDefinition {
  const where = IN_CONTAINER.has(kind) ? 'the container pid namespace (1)' : 'the runtime namespace (the host pid)';
  return defineCase({
    id: `hooks.state-pid.${slug}`,
    title: `the state a ${kind} hook reads gives the pid as seen from ${where}`,
    requirements: ['RT-STATE-PID-HOOK-NAMESPACE', INVOKED[kind]],
    run: async (ctx) => {
      const r = await runScenario(ctx, (c, rig) => c.withHook(kind, rig.hook(kind, { inContainer: kind === 'startContainer' })));
      const text = await r.rig.stdin(kind);
      if (!ctx.expect(INVOKED[kind], text !== undefined, { message: `the ${kind} hook never ran (${outcomeOf(r)})` })) return;
      const hostPid = r.pid ?? ctx.skip('create failed, so there is no container process to compare the pid with');
      const want = IN_CONTAINER.has(kind) ? 1 : hostPid;
      ctx.expectEqual('RT-STATE-PID-HOOK-NAMESPACE', `state.pid on the ${kind} hook's stdin (host pid ${hostPid})`, want, parseState(text!)?.pid);
    },
  });
}
