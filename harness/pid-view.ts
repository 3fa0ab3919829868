/**
 * The `host-pid-view` condition, measured once per run right after the
 * canary: is the process the host sees at state.pid (and at the pid the
 * --pid-file names) the container process? A plain container prints what it
 * sees of itself from inside (its pid in its own namespace, its pid namespace
 * link, its /proc/<pid>/stat line) and then idles; the host reads the same
 * facts at /proc/<state.pid>. Under runc they agree. Under a sandbox (gVisor)
 * or a VM runtime (Kata) the host's pid is the sandbox or VM process, with
 * another name, pid namespace and start time, and the condition fails with
 * what the host saw instead (harness/inspect/host-view.ts then keeps cases
 * from reading that process as if it were the container's).
 */
import { readFile, readlink } from 'node:fs/promises';
import { defineCase } from './model.js';
import type { ConditionState } from './conditions.js';
import { executeCase, type ExecEnv, type LoadedCase } from './execute.js';
import { parseStatFields } from './inspect/process.js';
import { parseStatus } from './inspect/status.js';

const MARK = 'oci-conform-pid-view';

/**
 * Reads its own /proc/$$ with shell builtins where it can (a `cat` would describe the cat), prints one
 * tab-separated line, then idles until the harness deletes the container.
 */
export const PID_VIEW_SCRIPT = [
  'read -r st < /proc/$$/stat',
  `printf '${MARK}\\t%s\\t%s\\t%s\\n${MARK}-end\\n' "$$" "$(readlink /proc/$$/ns/pid)" "$st"`,
  'while :; do sleep 1; done',
].join('\n');

/** One process as seen from one side. */
export interface ProcessView {
  /** The pid in the process's own (innermost) pid namespace. */
  readonly pid: number;
  /** The command name of /proc/<pid>/stat, without the parentheses. */
  readonly comm: string;
  /** Field 22 of /proc/<pid>/stat: start time in clock ticks after boot. */
  readonly startTime: string;
  /** The /proc/<pid>/ns/pid link text, e.g. 'pid:[4026532281]'. */
  readonly pidNs: string;
}

function commOf(stat: string): string {
  return stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
}

/** The inside view from the container's stdout (undefined when its line is not there). */
export function parseInsideView(stdout: string): ProcessView | undefined {
  const line = stdout.split('\n').find((l) => l.startsWith(`${MARK}\t`));
  if (!line) return undefined;
  const [, pid = '', pidNs = '', stat = ''] = line.split('\t');
  return { pid: Number(pid), comm: commOf(stat), startTime: parseStatFields(stat)[19] ?? '', pidNs };
}

/** The host's view of `pid`: stat, pid namespace link, and its innermost pid (last NSpid field). */
export async function readHostView(pid: number): Promise<ProcessView | undefined> {
  try {
    const [stat, pidNs, status] = await Promise.all([readFile(`/proc/${pid}/stat`, 'utf8'), readlink(`/proc/${pid}/ns/pid`), readFile(`/proc/${pid}/status`, 'utf8')]);
    const nsPid = parseStatus(status).nsPid;
    return { pid: nsPid[nsPid.length - 1] ?? pid, comm: commOf(stat), startTime: parseStatFields(stat)[19] ?? '', pidNs };
  } catch {
    return undefined;
  }
}

/**
 * Undefined when the host's process at `hostPid` is the one that described itself from inside (same pid
 * namespace, same pid in it, same name, same start time); else why not, naming what the host saw.
 */
export function comparePidView(what: string, hostPid: number, inside: ProcessView, host: ProcessView | undefined): string | undefined {
  if (!host) return `${what} ${hostPid} is no live process on the host while the container process runs`;
  const differs = (['pidNs', 'pid', 'comm', 'startTime'] as const).filter((k) => host[k] !== inside[k]);
  if (differs.length === 0) return undefined;
  return (
    `${what} ${hostPid} is not the container process but another one around it (a sandbox or VM?): ` +
    `the host sees ${JSON.stringify(host.comm)} (pid ${host.pid} in ${host.pidNs}, started at tick ${host.startTime}), ` +
    `the container process sees itself as ${JSON.stringify(inside.comm)} (pid ${inside.pid} in ${inside.pidNs}, started at tick ${inside.startTime}); ` +
    `differing: ${differs.join(', ')}`
  );
}

/** The check as a case of its own, run like the canary; `result()` holds the condition once it ran. */
export function pidViewCheck(): { readonly check: LoadedCase; result(): ConditionState | undefined } {
  let state: ConditionState | undefined;
  const check: LoadedCase = {
    file: 'harness/pid-view.ts',
    definition: defineCase({
      id: 'pid-view',
      title: 'state.pid and the pid file name the container process as the host sees it',
      // like the canary, it needs create and start to run the program of process (runtime.md, Start)
      requirements: ['RT-START-RUNS-PROCESS'],
      config: (c) => c.withScript(PID_VIEW_SCRIPT),
      run: async (ctx) => {
        await ctx.create();
        await ctx.start();
        const out = await ctx.waitForOutput(`${MARK}-end`);
        const inside = parseInsideView(out);
        if (!inside) return ctx.skip(`the container printed no view of itself: ${JSON.stringify(out.slice(0, 300))}`);
        const statePid = (await ctx.state()).pid;
        const filePid = await ctx.pid(); // the pid file's, or state.pid when the runtime wrote none
        const problems: string[] = [];
        if (statePid === undefined) problems.push('state has no pid while the container runs');
        for (const [what, pid] of [['state.pid', statePid], ['the pid file', filePid]] as const) {
          if (pid === undefined || (what === 'the pid file' && pid === statePid)) continue;
          const p = comparePidView(what, pid, inside, await readHostView(pid));
          if (p) problems.push(p);
        }
        state = problems.length === 0 ? { ok: true, detail: `pid ${statePid} is ${JSON.stringify(inside.comm)} in ${inside.pidNs}, from both sides` } : { ok: false, reason: problems.join('; ') };
        await ctx.delete({ force: true });
      },
    }),
  };
  return { check, result: () => state };
}

/** Runs the check after the canary; a check that could not finish makes the condition fail with why. */
export async function measurePidView(env: ExecEnv, runId: string): Promise<ConditionState> {
  const { check, result } = pidViewCheck();
  const r = await executeCase(check, `${runId}-pidview`, env);
  const measured = result();
  if (measured) return measured;
  const why = r.outcome.status === 'error' ? r.outcome.message : r.outcome.status === 'fail' || r.outcome.status === 'warn' ? r.outcome.violations.map((v) => v.message).join('; ') : r.outcome.status === 'skip' ? r.outcome.reason : 'no result';
  return { ok: false, reason: `could not compare state.pid with the container's own view (${why}), so nothing is read from the host's /proc/<pid>` };
}
