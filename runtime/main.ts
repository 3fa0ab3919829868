/**
 * oci-ts-runtime: the reference OCI runtime of oci-conform, for reading and
 * teaching, not for production. Its command line is the one runc speaks:
 *
 *   oci-ts-runtime [--root DIR] [--log FILE] [--log-format text|json] COMMAND ...
 *     create ID --bundle DIR [--pid-file F] [--console-socket S]
 *     start ID | state ID | kill ID [SIGNAL] | delete [--force] ID
 *     run ID --bundle DIR [--pid-file F]   (create + start, then wait for the exit)
 *     features
 *
 * An error is one line on stderr (and in --log), exit status 1.
 */
import { appendFileSync, closeSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeCache } from '../core/code-cache.js';
import { remove, kill, start, state } from './commands.js';
import { dup2 } from './libc.js';
import { print } from './output.js';
import { DEFAULT_ROOT, RuntimeError, Store, statusOf } from './store.js';

/** The code-cached script that holds create and features (runtime/create-script.ts, scripts/build.ts). */
export const CREATE_SCRIPT = 'oci-ts-runtime-create';

type CreateScript = typeof import('./create-script.js');

/**
 * create and features: with `scripts` (the command line runs from dist/) from their own script, which only create,
 * run and features load; else (from the TypeScript source: tests, tsx) by an import of the module.
 */
async function loadCreate(scripts: CodeCache | undefined): Promise<CreateScript> {
  if (!scripts) return import('./create-script.js');
  const loaded = scripts.run(CREATE_SCRIPT) as CreateScript | undefined;
  if (!loaded) throw new RuntimeError(`${join(dirname(fileURLToPath(import.meta.url)), `${CREATE_SCRIPT}.js`)} is missing: run npm run build`);
  return loaded;
}

/**
 * Set by the launcher (bin/oci-ts-runtime.js) to its pid when it started `create` as PID 1 of a new pid namespace,
 * with fd 9 the pipe it reads the outcome from (create-in-place.ts).
 */
const IN_PLACE_ENV = 'OCI_TS_RUNTIME_IN_PLACE';
/** Set by the launcher when create in place failed with something made: this run removes it (create-in-place.ts). */
const CLEAN_UP_ENV = 'OCI_TS_RUNTIME_CLEAN_UP';
const LAUNCHER_FD = 9;

/** The launcher's stderr in create in place, until we make it our fd 2 (util-linux unshare beside us has /dev/null). */
const STDERR_FD = 6;

/**
 * The launcher of create in place, if this process is one (the variables are removed: no hook or program sees
 * them); the launcher's stderr, fd 6, is made our fd 2 at once.
 */
function launcherOf(env: NodeJS.ProcessEnv): { pid: number; tell(outcome: number): void } | undefined {
  const v = env[IN_PLACE_ENV];
  delete env[IN_PLACE_ENV];
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  if (dup2(STDERR_FD, 2) >= 0) closeSync(STDERR_FD);
  let told = false;
  return {
    pid: Number(v),
    tell: (outcome) => {
      if (told) return;
      told = true;
      try {
        writeSync(LAUNCHER_FD, `${outcome}\n`);
        closeSync(LAUNCHER_FD);
      } catch {
        // the launcher is gone (create was killed)
      }
    },
  };
}

const USAGE = `usage: oci-ts-runtime [--root DIR] [--log FILE] [--log-format text|json] COMMAND
  create ID --bundle DIR [--pid-file FILE] [--console-socket SOCKET]
  start ID
  state ID
  kill ID [SIGNAL]
  delete [--force] ID
  run ID --bundle DIR [--pid-file FILE]
  features`;

interface Global {
  root: string;
  log?: string;
  /** The log held open: create in place writes it after pivot_root has taken its path away. */
  logFd?: number;
  logFormat: 'text' | 'json';
}

class Usage extends RuntimeError {}

/** Splits `--name value`, `--name=value` and flags; positionals in order. */
function parse(argv: readonly string[], withValue: readonly string[], flags: readonly string[]): { opts: Map<string, string>; rest: string[] } {
  const opts = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = (eq > 0 ? a.slice(0, eq) : a).replace(/^--?/, '');
    if (flags.includes(name)) {
      opts.set(name, 'true');
      continue;
    }
    if (!withValue.includes(name)) throw new Usage(`unknown option ${a}`);
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new Usage(`option --${name} needs a value`);
    opts.set(name, value);
  }
  return { opts, rest };
}

function one(rest: string[], what: string): string {
  if (rest.length === 0 || rest[0] === '') throw new Usage(`${what}: a container id is required`);
  if (rest.length > 1 && what !== 'kill') throw new Usage(`${what}: unexpected argument ${rest[1]}`);
  return rest[0]!;
}

/** `scripts`: the code-cached scripts beside the command line's own (dist/), when it runs from there. */
export async function main(argv: readonly string[], scripts?: CodeCache): Promise<number> {
  const g: Global = { root: DEFAULT_ROOT, logFormat: 'text' };
  let i = 0;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const a = argv[i]!;
    const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Usage(`option ${name} needs a value`);
      return v;
    };
    if (name === '--root') g.root = value();
    else if (name === '--log') g.log = value();
    else if (name === '--log-format') {
      const f = value();
      if (f !== 'text' && f !== 'json') throw new Usage(`--log-format ${f}: text or json`);
      g.logFormat = f;
    } else if (name === '--debug') continue;
    else if (name === '--systemd-cgroup') return fail(g, new Usage('--systemd-cgroup: this runtime manages cgroups through cgroupfs only'));
    else if (name === '-h' || name === '--help') {
      print(1, USAGE + '\n');
      return 0;
    } else if (name === '-v' || name === '--version') {
      print(1, 'oci-ts-runtime 0.1.0\nspec: 1.3.0\n');
      return 0;
    } else return fail(g, new Usage(`unknown global option ${a}`));
  }
  const command = argv[i];
  const args = argv.slice(i + 1);
  const store = new Store(g.root);
  const warn = (m: string): void => log(g, 'warning', m);
  try {
    switch (command) {
      case 'create': {
        const launcher = launcherOf(process.env);
        if (launcher && g.log) g.logFd = openLog(g.log);
        try {
          const { opts, rest } = parse(args, ['bundle', 'b', 'pid-file', 'console-socket'], ['no-pivot', 'no-new-keyring']);
          const id = one(rest, 'create');
          const o = { bundle: opts.get('bundle') ?? opts.get('b') ?? '.', pidFile: opts.get('pid-file'), consoleSocket: opts.get('console-socket') };
          const c = await loadCreate(scripts);
          if (process.env[CLEAN_UP_ENV] !== undefined) {
            c.cleanUpInPlace(store, id, o.pidFile, warn);
            return 1;
          }
          if (launcher) return c.createInPlace(store, id, o, warn, launcher, (e) => fail(g, e));
          await c.create(store, id, o, warn);
          return 0;
        } catch (e) {
          const code = fail(g, e);
          launcher?.tell(code);
          return code;
        }
      }
      case 'start':
        start(store, one(parse(args, [], []).rest, 'start'), warn);
        return 0;
      case 'state':
        print(1, state(store, one(parse(args, [], []).rest, 'state')) + '\n');
        return 0;
      case 'kill': {
        const { rest } = parse(args, [], ['all', 'a']);
        kill(store, one(rest, 'kill'), rest[1] ?? 'SIGTERM');
        return 0;
      }
      case 'delete': {
        const { opts, rest } = parse(args, [], ['force', 'f']);
        remove(store, one(rest, 'delete'), opts.has('force') || opts.has('f'), warn);
        return 0;
      }
      case 'run': {
        const { opts, rest } = parse(args, ['bundle', 'b', 'pid-file'], []);
        const id = one(rest, 'run');
        const { create } = await loadCreate(scripts);
        const { wait } = await create(store, id, { bundle: opts.get('bundle') ?? opts.get('b') ?? '.', pidFile: opts.get('pid-file') }, warn);
        start(store, id, warn);
        // the init is our child here: its exit status is the program's, and run's own (as runc's)
        const status = await wait();
        while (statusOf(store.read(id)) === 'running') await new Promise((r) => setTimeout(r, 5));
        remove(store, id, false, warn);
        return status;
      }
      case 'features':
        print(1, JSON.stringify((await loadCreate(scripts)).features(), null, 2) + '\n');
        return 0;
      case undefined:
        throw new Usage('a command is required');
      default:
        throw new Usage(`unknown command ${command}`);
    }
  } catch (e) {
    return fail(g, e);
  }
}

function fail(g: Global, e: unknown): number {
  if (e instanceof Usage) {
    log(g, 'error', `${e.message}\n${USAGE}`);
    return 2;
  }
  log(g, 'error', e instanceof RuntimeError ? e.message : `internal error: ${(e as Error).stack ?? String(e)}`);
  return 1;
}

function openLog(path: string): number | undefined {
  try {
    return openSync(path, 'a');
  } catch {
    // written by path, as for any other command: an error then is ignored there
    return undefined;
  }
}

function log(g: Global, level: 'error' | 'warning', message: string): void {
  print(2, `oci-ts-runtime: ${level === 'warning' ? 'warning: ' : ''}${message}\n`);
  if (!g.log) return;
  const time = new Date().toISOString();
  const line =
    g.logFormat === 'json' ? JSON.stringify({ level: level === 'warning' ? 'warning' : 'error', msg: message, time }) : `time="${time}" level=${level} msg=${JSON.stringify(message)}`;
  try {
    appendFileSync(g.logFd ?? g.log, line + '\n');
  } catch {
    // the log is a copy; stderr has the message
  }
}
