/**
 * Running hooks (config.md "POSIX-platform Hooks"): each hook is its path run
 * with args as argv (args[0] included, as execv takes it) and env as its whole
 * environment, the container's state on stdin, and, with a timeout, killed
 * when it runs longer. Hooks of one kind run in array order; the first failure
 * stops the list, unless the caller keeps going (poststart up to 1.2.x,
 * poststop). Whoever calls decides the namespace: the runtime's (prestart,
 * createRuntime, poststart, poststop) or the container's (createContainer and
 * startContainer, run by the container init).
 */
import { compareVersions } from '../spec/versions.js';
import { childProcess } from './child-process.js';
import type { Hook, HookKind, State } from './spec.js';

/** Runs prestart hooks at create from 1.0.2-dev on (before, config.md put them after start): create and start ask. */
export function prestartAtCreate(ociVersion: string): boolean {
  try {
    return compareVersions(ociVersion, '1.0.2') > 0;
  } catch {
    return true;
  }
}

export interface HookFailure {
  readonly index: number;
  readonly message: string;
}

/** Runs one hook; undefined when it exited 0, else why it failed. */
export function runHook(kind: HookKind, index: number, h: Hook, state: State): string | undefined {
  const argv = h.args && h.args.length > 0 ? h.args : [h.path];
  const r = childProcess().spawnSync(h.path, argv.slice(1), {
    argv0: argv[0],
    input: JSON.stringify(state),
    env: envObject(h.env ?? []),
    stdio: ['pipe', 'ignore', 'pipe'],
    timeout: h.timeout !== undefined ? h.timeout * 1000 : undefined,
    killSignal: 'SIGKILL',
    maxBuffer: 1 << 20,
  });
  const name = `${kind}[${index}] (${h.path})`;
  // a hook need not read the state: one that exits before we wrote it makes the write fail with EPIPE, no failure of its own
  const error = (r.error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE' && (r.status !== null || r.signal !== null) ? undefined : r.error;
  if (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ETIMEDOUT') return `hook ${name} ran past its timeout of ${h.timeout} s and was killed`;
    return `hook ${name} could not run: ${code === 'ENOENT' ? 'no such file' : error.message}`;
  }
  if (r.signal) return `hook ${name} was killed by ${r.signal}`;
  if (r.status !== 0) {
    const err = r.stderr?.toString('utf8').trim().split('\n').pop();
    return `hook ${name} exited with status ${r.status}${err ? `: ${err}` : ''}`;
  }
  return undefined;
}

/**
 * Runs the hooks of one kind in order. `keepGoing` runs every hook whatever
 * the others did (and reports each failure); otherwise the first failure ends
 * the list.
 */
export function runHooks(kind: HookKind, hooks: readonly Hook[] | undefined, state: State, keepGoing = false): HookFailure[] {
  const failures: HookFailure[] = [];
  for (const [i, h] of (hooks ?? []).entries()) {
    const message = runHook(kind, i, h, state);
    if (message === undefined) continue;
    failures.push({ index: i, message });
    if (!keepGoing) break;
  }
  return failures;
}

function envObject(env: readonly string[]): Record<string, string> {
  const o: Record<string, string> = {};
  for (const e of env) {
    const eq = e.indexOf('=');
    if (eq > 0) o[e.slice(0, eq)] = e.slice(eq + 1);
  }
  return o;
}
