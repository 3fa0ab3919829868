/**
 * The runtime driver: the OCI runtime command line (create, start, state,
 * kill, delete, features) over a profile, each call recorded as a CallRecord.
 *
 * `create` gets the container's stdout/stderr FILES as its own stdio: the
 * runtime hands them to the container init, which keeps them open long after
 * `create` returns, so a pipe there would never reach EOF. Its record's
 * stdout/stderr are what it wrote into those files before it exited. Other
 * calls use pipes, and we stop waiting for them at process exit (plus a short
 * drain), so a runtime that leaks a pipe into a container can't hang us.
 *
 * This is plain child_process, not execa (which host tools use): a case makes
 * several runtime calls, a run about 900, and bench/spawn measured execa
 * at about 6 ms more CPU time of ours per call than spawn here (15 against 8.5
 * ms), well over what its conveniences are worth on this path (bench/README.md,
 * "spawn"). What execa would add is here by hand: the timeout (SIGKILL to the
 * call's whole process tree, recorded as timedOut), a spawn failure recorded as
 * spawnError, never a throw.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { RawRuntime } from '../model.js';
import type { RuntimeProfile } from '../profiles/profile.js';
import { killTree } from './kill-tree.js';
import type { CallRecord } from './record.js';

export interface DriverOptions {
  readonly binary: string;
  readonly profile: RuntimeProfile;
  /** Private state directory for this run (passed with the profile's rootFlag). */
  readonly stateRoot?: string;
  /** Per-call timeout. */
  readonly timeoutMs: number;
  /** Every record, as it completes (the ledger of calls of a case). */
  readonly onCall?: (r: CallRecord) => void;
  /**
   * Variables added to every call's environment: the run's and the case's markers (harness/cleanup.ts,
   * RUN_MARKER and CASE_MARKER), inherited by whatever a call forks, so cleanup finds a process that
   * outlived its call (a daemonized helper, a hung verb's child, a call left running by a SIGKILLed run).
   */
  readonly env?: Readonly<Record<string, string>>;
}

export interface CreateOptions {
  readonly pidFile?: string;
  readonly consoleSocket?: string;
  /** Files the container's stdout/stderr go to (default /dev/null). */
  readonly stdoutPath?: string;
  readonly stderrPath?: string;
}

const DRAIN_MS = 100;

export class RuntimeDriver implements RawRuntime {
  private readonly pending = new Set<Promise<CallRecord>>();

  constructor(readonly opts: DriverOptions) {}

  /**
   * Resolves once no call of this driver is running (each is bounded by the
   * call timeout). Cleanup waits for it, so a `create` still in flight after a
   * case timed out can't bring a container to life after its `delete --force`.
   */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled(this.pending);
  }

  private globalArgs(): string[] {
    const g = [...this.opts.profile.globalArgs];
    if (this.opts.profile.rootFlag && this.opts.stateRoot) g.push(this.opts.profile.rootFlag, this.opts.stateRoot);
    return g;
  }

  /** Any subcommand with the global args in front. */
  call(args: readonly string[]): Promise<CallRecord> {
    return this.exec([...this.globalArgs(), ...args]);
  }

  async create(id: string, bundle: string, o: CreateOptions = {}): Promise<CallRecord> {
    const args = ['create', '--bundle', bundle];
    if (o.pidFile && this.opts.profile.pidFile) args.push('--pid-file', o.pidFile);
    if (o.consoleSocket) args.push('--console-socket', o.consoleSocket);
    args.push(id);
    const out = o.stdoutPath ?? '/dev/null';
    const err = o.stderrPath ?? '/dev/null';
    const [outBefore, errBefore] = await Promise.all([sizeOf(out), sizeOf(err)]);
    const rec = await this.exec([...this.globalArgs(), ...args], { stdoutPath: out, stderrPath: err, record: false });
    const [stdout, stderr] = await Promise.all([tailFrom(out, outBefore), tailFrom(err, errBefore)]);
    const full: CallRecord = { ...rec, stdout, stderr };
    this.opts.onCall?.(full);
    return full;
  }

  start(id: string): Promise<CallRecord> {
    return this.call(['start', id]);
  }

  state(id: string): Promise<CallRecord> {
    return this.call(['state', id]);
  }

  kill(id: string, signal = 'SIGTERM'): Promise<CallRecord> {
    const sig = this.opts.profile.signalWithoutPrefix ? signal.replace(/^SIG/, '') : signal;
    return this.call(['kill', id, sig]);
  }

  delete(id: string, o: { force?: boolean } = {}): Promise<CallRecord> {
    return this.call(o.force && this.opts.profile.deleteForce ? ['delete', '--force', id] : ['delete', id]);
  }

  features(): Promise<CallRecord> {
    return this.call(['features']);
  }

  private exec(args: readonly string[], files?: { stdoutPath: string; stderrPath: string; record: boolean }): Promise<CallRecord> {
    const p = this.spawnRecorded(args, files);
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
    return p;
  }

  private spawnRecorded(args: readonly string[], files?: { stdoutPath: string; stderrPath: string; record: boolean }): Promise<CallRecord> {
    const argv = [this.opts.binary, ...args];
    const started = performance.now();
    return new Promise((resolve) => {
      let outFd: number | undefined;
      let errFd: number | undefined;
      const closeFds = (): void => {
        for (const fd of [outFd, errFd]) if (fd !== undefined) closeSync(fd);
        outFd = errFd = undefined;
      };
      try {
        if (files) {
          outFd = openSync(files.stdoutPath, 'a');
          errFd = openSync(files.stderrPath, 'a');
        }
      } catch (e) {
        closeFds();
        const rec = failedToStart(argv, e, started);
        if (!files || files.record) this.opts.onCall?.(rec); // else create records it, once
        return resolve(rec);
      }
      const child = spawn(this.opts.binary, args, {
        stdio: ['ignore', outFd ?? 'pipe', errFd ?? 'pipe'],
        env: this.opts.env ? { ...process.env, ...this.opts.env } : process.env,
      });
      closeFds();
      let stdout = '';
      let stderr = '';
      child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      let timedOut = false;
      let done = false;
      const timer = setTimeout(() => {
        timedOut = true;
        // The runtime and what it started: an init or helper left behind would hold our pipes and run on.
        if (child.pid !== undefined) killTree(child.pid);
        else child.kill('SIGKILL');
      }, this.opts.timeoutMs);
      const finish = (rec: CallRecord): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (!files || files.record) this.opts.onCall?.(rec);
        resolve(rec);
      };
      child.on('error', (e) => finish(failedToStart(argv, e, started)));
      // Streams may close before or after 'exit': count them from the start.
      let open = (child.stdout ? 1 : 0) + (child.stderr ? 1 : 0);
      let onAllClosed: (() => void) | undefined;
      const closed = (): void => {
        if (--open === 0) onAllClosed?.();
      };
      child.stdout?.once('close', closed);
      child.stderr?.once('close', closed);
      child.on('exit', (code, signal) => {
        const end = (): void => {
          child.stdout?.destroy();
          child.stderr?.destroy();
          finish({ argv, exitCode: code, signal, stdout, stderr, durationMs: performance.now() - started, timedOut });
        };
        if (open === 0) return end();
        // Give the pipes a moment to deliver what the process wrote before it exited;
        // a child that inherited them (a container init) may keep them open for ever.
        const drain = setTimeout(end, DRAIN_MS);
        onAllClosed = () => {
          clearTimeout(drain);
          end();
        };
      });
    });
  }
}

function failedToStart(argv: readonly string[], e: unknown, started: number): CallRecord {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : String(e);
  return { argv, exitCode: null, signal: null, stdout: '', stderr: '', durationMs: performance.now() - started, timedOut: false, spawnError: code };
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

async function tailFrom(path: string, offset: number): Promise<string> {
  if (path === '/dev/null') return '';
  try {
    return (await readFile(path)).subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}
