/**
 * The host profile: what kind of host a run ran on, in a few facts that
 * decide which cases can run and how the runtime applies cgroups: the cgroup
 * layout and which controllers sit on which hierarchy, the kernel, the LSMs,
 * the cgroup driver and whether we are root. Its `name` (`hybrid`, `v2`, `v1`,
 * `-rootless` appended where it applies) heads the report, and its `terms`
 * are the words expectation files limit entries with (`"hosts": [...]`).
 *
 * Every file is read through a `HostFileReader`, so the v1, v2 and hybrid
 * paths are tested with recorded /proc and /sys files; a file that can't be
 * read is a fact too (absent), never an error.
 */
import { readFile } from 'node:fs/promises';
import { release } from 'node:os';
import type { CgroupLayout } from './inspect/cgroup/types.js';
import type { FileReader } from './inspect/cgroup-layout.js';

/** Returns the file's text, or undefined when it can't be read. */
export type HostFileReader = FileReader;

export const readHostFile: HostFileReader = (p) => readFile(p, 'utf8').catch(() => undefined);

/**
 * The words an expectation can be limited to. Layout words mean what the
 * conditions of the same name mean (harness/conditions.ts).
 */
export const HOST_TERMS = {
  'cgroup-v1': 'cgroup v1 controller hierarchies are mounted (a pure v1 or a hybrid host)',
  'cgroup-v1-only': 'only cgroup v1 hierarchies, no cgroup2 mount (a pure v1 host)',
  'cgroup-v2': 'the unified hierarchy is the only one (a pure cgroup v2 host)',
  'cgroup-hybrid': 'v1 controller hierarchies and a cgroup2 mount beside them',
  root: 'oci-conform runs as uid 0 in the initial user namespace',
  rootless: 'oci-conform runs as another uid, or in a user namespace',
  apparmor: 'AppArmor is enabled',
  selinux: 'SELinux is enabled',
  systemd: 'the runtime under test is told to use the systemd cgroup driver',
  cgroupfs: 'the runtime under test writes cgroupfs itself (the cgroupfs driver)',
} as const;

export type HostTerm = keyof typeof HOST_TERMS;

export function isHostTerm(s: string): s is HostTerm {
  return Object.hasOwn(HOST_TERMS, s);
}

export interface HostProfile {
  /** `hybrid`, `v2`, `v1` (or `none`: no cgroup hierarchy), with `-rootless` appended when we are not root. */
  readonly name: string;
  readonly kernel: string;
  readonly cgroups: {
    readonly layout: CgroupLayout['mode'];
    /** Controllers with a v1 hierarchy, sorted (named hierarchies such as name=systemd left out). */
    readonly v1: readonly string[];
    /** Controllers the cgroup2 root offers (cgroup.controllers), as the kernel lists them. */
    readonly v2: readonly string[];
    /** Where the cgroup2 hierarchy is mounted, if it is. */
    readonly unifiedMount?: string;
  };
  readonly lsm: {
    /** /sys/kernel/security/lsm (the LSMs in order); null when securityfs is not there to say. */
    readonly active: readonly string[] | null;
    readonly apparmor: boolean;
    /** `enforcing`, `permissive`, or false when SELinux is not enabled. */
    readonly selinux: 'enforcing' | 'permissive' | false;
  };
  /** The cgroup driver the runtime is run with: `systemd` when its profile passes the systemd flag, else `cgroupfs`. */
  readonly cgroupDriver: 'systemd' | 'cgroupfs';
  /** The name of pid 1 (/proc/1/comm): `systemd` on most hosts. */
  readonly init?: string;
  readonly user: { readonly uid: number; readonly rootless: boolean };
  /** The HOST_TERMS that hold here. */
  readonly terms: readonly HostTerm[];
}

/** Global flags that make a runtime use systemd for cgroups (runc, youki: --systemd-cgroup; crun: --cgroup-manager=systemd). */
export function driverOf(globalArgs: readonly string[]): 'systemd' | 'cgroupfs' {
  for (const [i, a] of globalArgs.entries()) {
    if (a === '--systemd-cgroup' || a === '--systemd-cgroup=true' || a === '--cgroup-manager=systemd') return 'systemd';
    if (a === '--cgroup-manager' && globalArgs[i + 1] === 'systemd') return 'systemd';
  }
  return 'cgroupfs';
}

/** An identity map of the whole id range: the initial user namespace. */
function fullMap(uidMap: string | undefined): boolean {
  if (uidMap === undefined) return true; // no user namespaces in this kernel: the initial one
  const lines = uidMap.trim().split('\n').map((l) => l.trim().split(/\s+/));
  return lines.length === 1 && lines[0]![0] === '0' && lines[0]![1] === '0' && lines[0]![2] === '4294967295';
}

export interface ProfileInputs {
  readonly layout: CgroupLayout;
  readonly globalArgs: readonly string[];
  /** Defaults: the real files, process.geteuid(), os.release(). */
  readonly read?: HostFileReader;
  readonly uid?: number;
  readonly kernel?: string;
}

export async function readHostProfile(inp: ProfileInputs): Promise<HostProfile> {
  const read = inp.read ?? readHostFile;
  const { layout } = inp;
  const [lsmList, apparmorParam, selinuxEnforce, comm, uidMap] = await Promise.all([
    read('/sys/kernel/security/lsm'),
    read('/sys/module/apparmor/parameters/enabled'),
    read('/sys/fs/selinux/enforce'),
    read('/proc/1/comm'),
    read('/proc/self/uid_map'),
  ]);
  const active = lsmList === undefined ? null : lsmList.trim().split(',').filter(Boolean);
  // AppArmor's module parameter says Y when it is enabled, also without securityfs; the list must not deny it.
  const apparmor = apparmorParam?.trim() === 'Y' && (active === null || active.includes('apparmor'));
  const selinux = selinuxEnforce === undefined ? false : selinuxEnforce.trim() === '1' ? 'enforcing' : 'permissive';
  const uid = inp.uid ?? process.geteuid?.() ?? 0;
  const rootless = uid !== 0 || !fullMap(uidMap);
  const cgroupDriver = driverOf(inp.globalArgs);
  const mode = layout.mode;
  const terms: HostTerm[] = [];
  if (mode === 'v1' || mode === 'hybrid') terms.push('cgroup-v1');
  if (mode === 'v1') terms.push('cgroup-v1-only');
  if (mode === 'v2') terms.push('cgroup-v2');
  if (mode === 'hybrid') terms.push('cgroup-hybrid');
  terms.push(rootless ? 'rootless' : 'root');
  if (apparmor) terms.push('apparmor');
  if (selinux) terms.push('selinux');
  terms.push(cgroupDriver);
  return {
    name: `${mode}${rootless ? '-rootless' : ''}`,
    kernel: inp.kernel ?? release(),
    cgroups: {
      layout: mode,
      v1: Object.keys(layout.v1).filter((c) => !c.startsWith('name=')).sort(),
      v2: [...layout.unifiedControllers],
      ...(layout.unified ? { unifiedMount: layout.unified } : {}),
    },
    lsm: { active, apparmor, selinux },
    cgroupDriver,
    ...(comm?.trim() ? { init: comm.trim() } : {}),
    user: { uid, rootless },
    terms,
  };
}

/**
 * Whether a `hosts` list holds here: any item holds; an item is one term, or
 * terms joined by `+`, all of which must hold (`cgroup-v2+rootless`).
 */
export function hostsMatch(hosts: readonly string[], terms: readonly string[]): boolean {
  return hosts.some((item) => item.split('+').every((t) => terms.includes(t)));
}

/** The first unknown word of a `hosts` list as `[index, word]`, or undefined when every word is known. */
export function unknownHostTerm(hosts: readonly string[]): [number, string] | undefined {
  for (const [i, item] of hosts.entries()) {
    const bad = item.split('+').find((t) => !isHostTerm(t));
    if (bad !== undefined) return [i, bad];
  }
  return undefined;
}
