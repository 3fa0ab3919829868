/**
 * Pure helpers of the security cases: reading what a container printed about
 * its descriptors and about the runtime's processes it could see, reading the
 * host's own mount table, and finding the files a runtime runs from (its
 * executable, and the interpreter of a script runtime).
 */
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

/** One descriptor of a process as `ls -l /proc/<pid>/fd` printed it. */
export interface FdEntry {
  readonly fd: number;
  readonly target: string;
}

/** The `N -> target` lines of busybox `ls -l /proc/<pid>/fd`, sorted by fd; other lines are ignored. */
export function parseFdListing(text: string): FdEntry[] {
  const out: FdEntry[] = [];
  for (const line of text.split('\n')) {
    const m = / (\d+) -> (.*)$/.exec(line);
    if (m) out.push({ fd: Number(m[1]), target: m[2] ?? '' });
  }
  return out.sort((a, b) => a.fd - b.fd);
}

/** Descriptors other than stdin, stdout and stderr. */
export function extraFds(entries: readonly FdEntry[]): FdEntry[] {
  return entries.filter((e) => e.fd > 2);
}

/** Mount points of a mountinfo text (field 5, escapes undone). */
export function mountPointsOf(mountinfo: string): string[] {
  const out: string[] = [];
  for (const line of mountinfo.split('\n')) {
    const f = line.split(' ');
    if (f.length > 4 && f[4]) out.push(f[4].replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))));
  }
  return out;
}

/** The mount points at `dir` or below it. */
export function mountsAtOrUnder(mountPoints: readonly string[], dir: string): string[] {
  const d = dir.replace(/\/+$/, '');
  return mountPoints.filter((m) => m === d || m.startsWith(`${d}/`));
}

/**
 * The interpreter named by a `#!` line, and its first argument when there is one
 * (`#!/usr/bin/env node` -> ['/usr/bin/env', 'node']); undefined when the file
 * does not start with `#!`.
 */
export function shebangOf(head: string): { interpreter: string; arg?: string } | undefined {
  if (!head.startsWith('#!')) return undefined;
  const line = head.slice(2).split('\n')[0] ?? '';
  const [interpreter, ...rest] = line.trim().split(/\s+/);
  if (!interpreter) return undefined;
  const arg = rest.join(' ') || undefined;
  return arg === undefined ? { interpreter } : { interpreter, arg };
}

/**
 * The program the kernel ends up running for an interpreter line: the
 * interpreter itself, or, for `env [-S] [-u NAME] [NAME=VALUE] prog`, `prog`
 * (a bare name the caller looks up in PATH); undefined when `env` names no
 * program.
 */
export function interpreterProgram(sb: { interpreter: string; arg?: string }): string | undefined {
  if (!/(^|\/)env$/.test(sb.interpreter)) return sb.interpreter;
  const words = (sb.arg ?? '').split(/\s+/).filter((w) => w !== '');
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // GNU env's options that take the next word as their value: -u NAME, -C DIR, -a ARG0 (and the long forms)
    if (ENV_OPTION_WITH_VALUE.has(w)) i++;
    else if (!w.startsWith('-') && !w.includes('=')) return w;
  }
  return undefined;
}

const ENV_OPTION_WITH_VALUE = new Set(['-u', '--unset', '-C', '--chdir', '-a', '--argv0']);

/** Identity and content of a file, to tell afterwards whether it changed. */
export interface Fingerprint {
  readonly path: string;
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  readonly sha256: string;
}

export async function fingerprint(path: string): Promise<Fingerprint> {
  const st = await stat(path);
  const sha256 = createHash('sha256').update(await readFile(path)).digest('hex');
  return { path, dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, sha256 };
}

/** What differs between two fingerprints of the same file: 'size 10 -> 12', ...; empty when none. */
export function fingerprintChanges(before: Fingerprint, after: Fingerprint): string[] {
  const out: string[] = [];
  for (const k of ['dev', 'ino', 'size', 'mtimeMs', 'sha256'] as const) {
    if (before[k] !== after[k]) out.push(`${k} ${String(before[k])} -> ${String(after[k])}`);
  }
  return out;
}

/** First executable file called `name` in a PATH-style list. */
async function whichIn(name: string, path: string): Promise<string | undefined> {
  for (const d of path.split(delimiter)) {
    if (!d) continue;
    const p = join(d, name);
    try {
      const st = await stat(p);
      if (st.isFile() && (st.mode & 0o111) !== 0) return p;
    } catch {
      // not there
    }
  }
  return undefined;
}

/**
 * The host files a runtime runs from: its executable (symlinks resolved) and,
 * when that is a script, its interpreter (through `env`, looked up in PATH),
 * itself resolved the same way (one level: an interpreter that is a script is
 * followed once more).
 */
export async function runtimeFiles(binary: string, path = process.env.PATH ?? '/usr/bin:/bin'): Promise<string[]> {
  const out: string[] = [];
  let current: string | undefined = binary.includes('/') ? binary : await whichIn(binary, path);
  for (let depth = 0; current && depth < 3; depth++) {
    const real = await realpath(current);
    if (out.includes(real)) break;
    out.push(real);
    const head = (await readFile(real)).subarray(0, 512).toString('latin1');
    const sb = shebangOf(head);
    const prog = sb ? interpreterProgram(sb) : undefined;
    current = prog === undefined ? undefined : prog.includes('/') ? prog : await whichIn(prog, path);
  }
  return out;
}

/**
 * The probe of security.runtime-binary-not-writable's container A. Phase 1
 * (on /tmp/h10-go1): every process of its pid namespace whose executable is
 * not busybox (B's runtime init, waiting to be started) is looked at: its exe
 * link, the executable's dev:ino, whether it opens for reading and for
 * writing (append, so nothing is ever written). The first one that is a host
 * file of the runtime (dev:ino in /tmp/h10-targets) and opens for reading is
 * kept as fd 5. Phase 2 (on /tmp/h10-go2, once B's init is gone and the file
 * is no longer busy): fd 5 is reopened for writing through /proc/self/fd/5,
 * the CVE-2019-5736 step.
 */
export const EXE_PROBE = [
  'echo ready',
  'while [ ! -e /tmp/h10-go1 ]; do sleep 0.1; done',
  'self=$(stat -L -c %d:%i /bin/busybox); targets=" $(cat /tmp/h10-targets) "; kept=""',
  'for d in /proc/[0-9]*; do',
  '  p=${d#/proc/}; [ "$p" = "$$" ] && continue',
  '  id=$(stat -L -c %d:%i "$d/exe" 2>&1) || { [ -e "$d" ] || continue; id="ERR $id"; }',
  '  [ "$id" = "$self" ] && continue',
  '  link=$(readlink "$d/exe" 2>&1) || link="ERR $link"',
  '  r=$( ( exec 7<"$d/exe" ) 2>&1 ) && r=ok || r="ERR $r"',
  '  w=$( ( exec 7>>"$d/exe" ) 2>&1 ) && w=ok || w="ERR $w"',
  '  echo "seen pid=$p link=$link id=$id read=$r write=$w"',
  '  case "$targets" in *" $id "*) if [ -z "$kept" ] && [ "$r" = ok ]; then exec 5<"$d/exe"; kept=$id; echo "kept id=$id"; fi;; esac',
  'done',
  'echo phase1-done',
  'while [ ! -e /tmp/h10-go2 ]; do sleep 0.1; done',
  'if [ -n "$kept" ]; then w=$( ( exec 6>>/proc/self/fd/5 ) 2>&1 ) && w=ok || w="ERR $w"; echo "keptwrite $w"; exec 5<&-; fi',
  'echo phase2-done',
  'while :; do sleep 1; done',
].join('\n');

/** What the container's probe said about one process of its pid namespace that is not busybox. */
export interface SeenProcess {
  readonly pid: string;
  /** `readlink /proc/<pid>/exe`, or `ERR <message>`. */
  readonly link: string;
  /** `dev:ino` of the executable (stat -L), or `ERR <message>`. */
  readonly id: string;
  /** Opening the executable for reading: `ok` or the error. */
  readonly read: string;
  /** Opening it for writing (append, nothing written) while the process ran: `ok` or the error. */
  readonly write: string;
}

/** The probe's report: the processes it saw, and the write attempt through the kept descriptor after they ended. */
export interface ExeProbe {
  readonly seen: SeenProcess[];
  /** `dev:ino` of the executable it kept open (fd 5), when it kept one. */
  readonly kept?: string;
  /** Opening the kept descriptor for writing after the process ended: `ok` or the error. */
  readonly keptWrite?: string;
}

/**
 * Lines of the probe (`seen pid=.. link=.. id=.. read=.. write=..`, `kept id=..`,
 * `keptwrite ..`), each field up to the next ` key=`.
 */
export function parseExeProbe(text: string): ExeProbe {
  const seen: SeenProcess[] = [];
  let kept: string | undefined;
  let keptWrite: string | undefined;
  const fields = (rest: string): Record<string, string> => {
    const o: Record<string, string> = {};
    const re = /(?:^| )(pid|link|id|read|write)=(.*?)(?= (?:pid|link|id|read|write)=|$)/g;
    for (const m of rest.matchAll(re)) o[m[1] as string] = (m[2] ?? '').trim();
    return o;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line.startsWith('seen ')) {
      const f = fields(line.slice(5));
      seen.push({ pid: f.pid ?? '', link: f.link ?? '', id: f.id ?? '', read: f.read ?? '', write: f.write ?? '' });
    } else if (line.startsWith('kept id=')) kept = line.slice('kept id='.length).trim();
    else if (line.startsWith('keptwrite ')) keptWrite = line.slice('keptwrite '.length).trim();
  }
  return { seen, ...(kept !== undefined ? { kept } : {}), ...(keptWrite !== undefined ? { keptWrite } : {}) };
}

/** ETXTBSY as busybox prints it: the kernel checked the permission first, only a running process held the write off. */
const BUSY = /text file busy/i;

/**
 * Each way the container could write one of `targets` (`dev:ino` -> host path),
 * as a sentence. A write refused only with ETXTBSY counts: the kernel checks
 * permissions before it, and the file stops being busy once nothing runs it
 * (the harness's own node keeps node busy, other runtime calls keep the
 * runtime's binary busy), while the container keeps its descriptor.
 */
export function exeWriteAccess(probe: ExeProbe, targets: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const s of probe.seen) {
    const host = targets.get(s.id);
    if (!host) continue;
    if (s.write === 'ok') out.push(`the container opened /proc/${s.pid}/exe (the host's ${host}) for writing while that process ran`);
    else if (BUSY.test(s.write)) out.push(`the container could open /proc/${s.pid}/exe (the host's ${host}) for writing but for ETXTBSY, which lasts only while something runs it`);
  }
  if (probe.kept !== undefined && probe.keptWrite !== undefined) {
    const host = targets.get(probe.kept);
    if (host && probe.keptWrite === 'ok') out.push(`the container reopened its descriptor of the host's ${host} for writing after the runtime's process ended`);
    else if (host && BUSY.test(probe.keptWrite)) out.push(`the container kept a descriptor of the host's ${host} and was kept from reopening it for writing only by ETXTBSY (another process still ran it)`);
  }
  return out;
}

/**
 * The script of security.cwd-proc-self-fd: where the working directory is
 * (`pwd -P`: glibc's getcwd fails for one outside the root) and what a host
 * file reads through `climb` (enough ../ from the working directory).
 */
export function cwdProbeScript(climb: string): string {
  return `echo "pwd $(pwd -P 2>&1)"; echo "climb $(cat ${climb} 2>&1)"`;
}

/** What the cwd probe's output shows of a working directory outside the container; empty when nothing. */
export function cwdEscapes(out: string, token: string): string[] {
  const found: string[] = [];
  if (out.includes(token)) found.push('a host file of the case could be read through ../ from the working directory');
  const pwd = /^pwd (.*)$/m.exec(out)?.[1] ?? '';
  if (!pwd.startsWith('/')) found.push(`the working directory has no path inside the container (pwd -P: ${JSON.stringify(pwd)})`);
  return found;
}
