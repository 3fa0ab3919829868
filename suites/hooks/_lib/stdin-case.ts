/**
 * One case per hook kind: the state a hook reads on stdin is a valid state
 * document (our validator, zero errors) of THIS container (id, bundle), with
 * the status that fits the moment the hook runs, and a pid as the spec says.
 */
import { type CaseDefinition, defineCase, type HookKind, parseState, stateErrors } from '../../case.js';
import { runScenario } from './scenario.js';
import { outcomeOf, truthfulStatuses } from './checks.js';
import { describeLog, indexOf, type LogEntry } from './rig.js';

function procOf(log: readonly LogEntry[], label: string): string {
  const e = log[indexOf(log, label)];
  return e?.type === 'hook' ? e.proc : '';
}

/**
 * Statuses a hook of each kind may see: create-phase hooks run while create is under way (or just finishing).
 * A poststart hook gets the status that was true when it ran (checks.ts truthfulStatuses): `running` after the
 * program was executed, as the spec times it, but `created` from a runtime that runs it earlier, whose timing
 * hooks.when.poststart judges; this case judges only whether the state it hands over is true.
 */
const STATUS: Readonly<Record<HookKind, readonly string[]>> = {
  prestart: ['creating', 'created'],
  createRuntime: ['creating', 'created'],
  createContainer: ['creating', 'created'],
  startContainer: ['created'],
  poststart: ['running'],
  poststop: ['stopped'],
};
const TITLE_STATUS: Readonly<Partial<Record<HookKind, string>>> = { poststart: 'the status of the moment it runs' };

const IN_CONTAINER: ReadonlySet<HookKind> = new Set(['createContainer', 'startContainer']);

/** The requirement that version-gates each kind (createRuntime & co. appeared in 1.0.2). */
export const INVOKED = {
  prestart: 'RT-HOOK-PRESTART-INVOKED',
  createRuntime: 'RT-HOOK-CREATERUNTIME-INVOKED',
  createContainer: 'RT-HOOK-CREATECONTAINER-INVOKED',
  startContainer: 'RT-HOOK-STARTCONTAINER-INVOKED',
  poststart: 'RT-HOOK-POSTSTART-INVOKED',
  poststop: 'RT-HOOK-POSTSTOP-INVOKED',
} as const;

export function stdinCase(kind: HookKind, slug: string): CaseDefinition {
  return defineCase({
    id: `hooks.state-stdin.${slug}`,
    title: `a ${kind} hook reads this container's state on stdin, valid and with ${TITLE_STATUS[kind] ?? `status ${STATUS[kind].join(' or ')}`}`,
    requirements: ['CFG-HOOKS-STATE-STDIN', INVOKED[kind]],
    run: async (ctx) => {
      let hostPid: number | undefined;
      const r = await runScenario(ctx, (c, rig) => c.withHook(kind, rig.hook(kind, { inContainer: kind === 'startContainer' })), {
        afterCreate: async (h) => void (hostPid = await h.pid()),
      });
      const text = await r.rig.stdin(kind);
      if (!ctx.expect(INVOKED[kind], text !== undefined, { message: `the ${kind} hook never ran (${outcomeOf(r)})` })) return;
      const errors = await stateErrors(text!, `stdin of the ${kind} hook`);
      ctx.expect('CFG-HOOKS-STATE-STDIN', errors.length === 0, { message: `the state on the ${kind} hook's stdin is not a valid state document: ${errors.join('; ')}`, actual: text });
      const s = parseState(text!);
      ctx.expectEqual('CFG-HOOKS-STATE-STDIN', 'state.id on stdin', r.container.id, s?.id);
      ctx.expectEqual('CFG-HOOKS-STATE-STDIN', 'state.bundle on stdin', r.container.bundle, s?.bundle);
      const allowed = kind === 'poststart' ? truthfulStatuses(r.log, kind) : STATUS[kind];
      ctx.expect('CFG-HOOKS-STATE-STDIN', allowed.includes(String(s?.status)), {
        message: `state.status on the ${kind} hook's stdin is ${JSON.stringify(s?.status)}${kind === 'poststart' ? `, when the container process was ${JSON.stringify(procOf(r.log, kind))} (log: ${describeLog(r.log)})` : ''}`,
        expected: allowed,
        actual: s?.status,
      });
      if (kind === 'poststop') return;
      // A runtime-namespace hook sees the pid as the host does, in every version. An in-container hook sees the
      // host's pid (1.0.x: 'as seen by the host') or, since 1.1.0, the container's own: pid-case.ts checks that exactly.
      if (IN_CONTAINER.has(kind)) {
        ctx.expect('CFG-HOOKS-STATE-STDIN', s?.pid === 1 || s?.pid === hostPid, { message: `state.pid on stdin is ${s?.pid}, neither the host pid ${hostPid} nor 1`, actual: s?.pid });
      } else {
        ctx.expectEqual('CFG-HOOKS-STATE-STDIN', `state.pid on the ${kind} hook's stdin`, hostPid, s?.pid);
      }
    },
  });
}
