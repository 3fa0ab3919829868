/**
 * /proc/<pid>/status, decoded into what the config speaks of: ids, groups,
 * capability sets by CAP_ name, no_new_privs, seccomp mode, umask, cpu affinity.
 */
import { decodeCapabilities } from './capabilities.js';
import { readProcFile } from './host-view.js';

export interface IdSet {
  readonly real: number;
  readonly effective: number;
  readonly saved: number;
  readonly fs: number;
}

export interface ProcStatus {
  readonly name: string;
  /** One letter: R, S, D, Z, T, ... */
  readonly state: string;
  readonly ppid: number;
  /** The pid in each nested pid namespace, outermost first (NSpid). */
  readonly nsPid: readonly number[];
  readonly uid: IdSet;
  readonly gid: IdSet;
  /** Supplementary groups. */
  readonly groups: readonly number[];
  readonly capabilities: {
    readonly inheritable: readonly string[];
    readonly permitted: readonly string[];
    readonly effective: readonly string[];
    readonly bounding: readonly string[];
    readonly ambient: readonly string[];
  };
  readonly noNewPrivileges: boolean;
  /** 0 disabled, 1 strict, 2 filter. */
  readonly seccomp: number;
  /** Number of seccomp filters attached (kernel >= 5.9), when shown. */
  readonly seccompFilters?: number;
  /** The process umask (kernel >= 4.7), when shown. */
  readonly umask?: number;
  /** Cpus_allowed_list, e.g. '0-1'. */
  readonly cpusAllowedList?: string;
  /** Mems_allowed_list. */
  readonly memsAllowedList?: string;
  /** Every field as text, for anything not decoded above. */
  readonly fields: Readonly<Record<string, string>>;
}

function ids(v: string | undefined, what: string): IdSet {
  const n = (v ?? '').trim().split(/\s+/).map(Number);
  if (n.length < 4 || n.some((x) => !Number.isInteger(x))) throw new Error(`status: bad ${what} line: ${v}`);
  return { real: n[0]!, effective: n[1]!, saved: n[2]!, fs: n[3]! };
}

export function parseStatus(text: string): ProcStatus {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) fields[line.slice(0, i)] = line.slice(i + 1).trim();
  }
  const num = (k: string): number | undefined => (fields[k] === undefined ? undefined : Number(fields[k]));
  const list = (k: string): number[] => (fields[k] ?? '').split(/\s+/).filter(Boolean).map(Number);
  return {
    name: fields.Name ?? '',
    state: (fields.State ?? '').slice(0, 1),
    ppid: num('PPid') ?? 0,
    nsPid: list('NSpid'),
    uid: ids(fields.Uid, 'Uid'),
    gid: ids(fields.Gid, 'Gid'),
    groups: list('Groups'),
    capabilities: {
      inheritable: decodeCapabilities(fields.CapInh ?? '0'),
      permitted: decodeCapabilities(fields.CapPrm ?? '0'),
      effective: decodeCapabilities(fields.CapEff ?? '0'),
      bounding: decodeCapabilities(fields.CapBnd ?? '0'),
      ambient: decodeCapabilities(fields.CapAmb ?? '0'),
    },
    noNewPrivileges: fields.NoNewPrivs === '1',
    seccomp: num('Seccomp') ?? 0,
    seccompFilters: num('Seccomp_filters'),
    umask: fields.Umask === undefined ? undefined : parseInt(fields.Umask, 8),
    cpusAllowedList: fields.Cpus_allowed_list,
    memsAllowedList: fields.Mems_allowed_list,
    fields,
  };
}

export async function readStatus(pid: number | 'self'): Promise<ProcStatus> {
  return parseStatus(await readProcFile(pid, 'status'));
}
