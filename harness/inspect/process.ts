/**
 * Small readers of /proc/<pid>: environ, cmdline, oom_score_adj, personality,
 * time namespace offsets, scheduling policy and priority, io priority.
 */
import { readProcFile, requireHostView } from './host-view.js';

const nulSplit = (s: string): string[] => s.split('\0').filter((x, i, a) => !(x === '' && i === a.length - 1));

export async function readEnviron(pid: number | 'self'): Promise<string[]> {
  return nulSplit(await readProcFile(pid, 'environ'));
}

export async function readCmdline(pid: number | 'self'): Promise<string[]> {
  return nulSplit(await readProcFile(pid, 'cmdline'));
}

export async function readOomScoreAdj(pid: number | 'self'): Promise<number> {
  return Number((await readProcFile(pid, 'oom_score_adj')).trim());
}

/** The personality word (hex in /proc); the low byte is the domain, 0x0008 is LINUX32. */
export async function readPersonality(pid: number | 'self'): Promise<number> {
  return parseInt((await readProcFile(pid, 'personality')).trim(), 16);
}

/** Personality domain names of the spec's linux.personality.domain. */
export function personalityDomain(word: number): 'LINUX' | 'LINUX32' | string {
  const d = word & 0xff;
  return d === 0 ? 'LINUX' : d === 8 ? 'LINUX32' : `0x${d.toString(16)}`;
}

export interface TimeOffset {
  readonly secs: number;
  readonly nanosecs: number;
}

/** /proc/<pid>/timens_offsets -> { monotonic: {secs, nanosecs}, boottime: {...} }, the config's shape. */
export function parseTimensOffsets(text: string): Record<string, TimeOffset> {
  const out: Record<string, TimeOffset> = {};
  for (const line of text.split('\n')) {
    const [clock, secs, ns] = line.trim().split(/\s+/);
    if (clock && secs !== undefined && ns !== undefined) out[clock] = { secs: Number(secs), nanosecs: Number(ns) };
  }
  return out;
}

export async function readTimensOffsets(pid: number | 'self'): Promise<Record<string, TimeOffset>> {
  return parseTimensOffsets(await readProcFile(pid, 'timens_offsets'));
}

const POLICIES = ['SCHED_OTHER', 'SCHED_FIFO', 'SCHED_RR', 'SCHED_BATCH', 'SCHED_ISO', 'SCHED_IDLE', 'SCHED_DEADLINE'];

export interface SchedInfo {
  /** The spec's process.scheduler.policy names. */
  readonly policy: string;
  /** Real-time priority (0 for normal policies). */
  readonly priority: number;
  readonly nice: number;
}

/** Fields after the command name of /proc/<pid>/stat (the name may contain spaces and parentheses). */
export function parseStatFields(text: string): string[] {
  const close = text.lastIndexOf(')');
  return text.slice(close + 2).trim().split(/\s+/);
}

/** Policy and priority from /proc/<pid>/stat (fields 41, 40 and 19 of proc(5)). */
export function schedFromStat(text: string): SchedInfo {
  const f = parseStatFields(text); // f[0] is field 3 (state)
  const at = (n: number): number => Number(f[n - 3]);
  return { policy: POLICIES[at(41)] ?? `policy-${at(41)}`, priority: at(40), nice: at(19) };
}

export async function readSched(pid: number | 'self'): Promise<SchedInfo> {
  return schedFromStat(await readProcFile(pid, 'stat'));
}

export interface IoPriority {
  /** The spec's process.ioPriority.class names. */
  readonly class: 'IOPRIO_CLASS_RT' | 'IOPRIO_CLASS_BE' | 'IOPRIO_CLASS_IDLE' | 'IOPRIO_CLASS_NONE';
  readonly priority?: number;
}

/** `ionice -p` output ('best-effort: prio 4', 'idle', 'none: prio 0') in the spec's shape. */
export function parseIonice(out: string): IoPriority | undefined {
  const m = /^(realtime|best-effort|idle|none)(?::\s*prio\s+(\d+))?/.exec(out.trim());
  if (!m) return undefined;
  const cls = { realtime: 'IOPRIO_CLASS_RT', 'best-effort': 'IOPRIO_CLASS_BE', idle: 'IOPRIO_CLASS_IDLE', none: 'IOPRIO_CLASS_NONE' } as const;
  return { class: cls[m[1] as keyof typeof cls], priority: m[2] === undefined ? undefined : Number(m[2]) };
}

/** The io priority via util-linux `ionice -p` (there is no /proc file for it); undefined when unreadable. */
export function readIoPriority(pid: number): Promise<IoPriority | undefined> {
  requireHostView(pid);
  // execa on first use: importing it costs more CPU than starting node (bench/README.md, "spawn").
  return import('execa')
    .then(({ execa }) => execa('ionice', ['-p', String(pid)], { timeout: 5000, reject: false }))
    .then((r) => (r.failed ? undefined : parseIonice(r.stdout)));
}
