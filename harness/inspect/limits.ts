/**
 * /proc/<pid>/limits parsed into the config's rlimit names. "unlimited" is
 * RLIM_INFINITY (2^64-1 as a JS number, the same value JSON.parse gives for
 * 18446744073709551615 in a config), so values compare directly.
 */
import { readProcFile } from './host-view.js';

export const RLIM_INFINITY = 2 ** 64;

const NAMES: Readonly<Record<string, string>> = {
  'Max cpu time': 'RLIMIT_CPU',
  'Max file size': 'RLIMIT_FSIZE',
  'Max data size': 'RLIMIT_DATA',
  'Max stack size': 'RLIMIT_STACK',
  'Max core file size': 'RLIMIT_CORE',
  'Max resident set': 'RLIMIT_RSS',
  'Max processes': 'RLIMIT_NPROC',
  'Max open files': 'RLIMIT_NOFILE',
  'Max locked memory': 'RLIMIT_MEMLOCK',
  'Max address space': 'RLIMIT_AS',
  'Max file locks': 'RLIMIT_LOCKS',
  'Max pending signals': 'RLIMIT_SIGPENDING',
  'Max msgqueue size': 'RLIMIT_MSGQUEUE',
  'Max nice priority': 'RLIMIT_NICE',
  'Max realtime priority': 'RLIMIT_RTPRIO',
  'Max realtime timeout': 'RLIMIT_RTTIME',
};

export interface Rlimit {
  readonly soft: number;
  readonly hard: number;
}

function value(s: string): number {
  return s === 'unlimited' ? RLIM_INFINITY : Number(s);
}

export function parseLimits(text: string): Record<string, Rlimit> {
  const out: Record<string, Rlimit> = {};
  for (const line of text.split('\n').slice(1)) {
    const m = /^(.+?)\s{2,}(\S+)\s+(\S+)/.exec(line);
    if (!m) continue;
    const name = NAMES[m[1]!.trim()];
    if (name) out[name] = { soft: value(m[2]!), hard: value(m[3]!) };
  }
  return out;
}

export async function readLimits(pid: number | 'self'): Promise<Record<string, Rlimit>> {
  return parseLimits(await readProcFile(pid, 'limits'));
}
