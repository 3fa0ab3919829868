/**
 * Probes every host condition once per run. Each answer is {ok:true} or
 * {ok:false, reason}, and the reason says what is missing in words a skip
 * can quote ("no net_cls hierarchy (cgroup v1) on this host").
 */
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { release } from 'node:os';
import { join } from 'node:path';
import { CONDITIONS, type Condition, type ConditionState, type HostConditions } from './conditions.js';
import { controllerVersion, type CgroupLayout } from './inspect/cgroup-layout.js';
import { readProcCgroups } from './inspect/proc-cgroup.js';
import { readStatus } from './inspect/status.js';
import { readMountinfo } from './inspect/mountinfo.js';
import { receiverProblem } from './console-socket.js';
import type { RootlessMode } from './rootless.js';

export interface ProbeInputs {
  readonly layout: CgroupLayout;
  /** The runtime answered `features` with a JSON object. */
  readonly features: ConditionState;
  readonly consoleSocket: boolean;
  /** The comparison of state.pid with the container's view of itself (harness/pid-view.ts); assumed ok when absent. */
  readonly hostPidView?: ConditionState;
  /** The mode of a rootless run (harness/rootless.ts): whether container ids other than 0 are mapped. */
  readonly rootless?: RootlessMode;
}

const yes: ConditionState = { ok: true };
const no = (reason: string): ConditionState => ({ ok: false, reason });

async function exists(p: string, mode?: number): Promise<boolean> {
  try {
    await access(p, mode);
    return true;
  } catch {
    return false;
  }
}

/** True when the command ran and exited 0 within 10 s. */
async function run(cmd: string, args: string[]): Promise<boolean> {
  // execa on first use (so in every host tool): importing it costs more CPU than starting node,
  // which --help, list and cleanup need not pay (bench/README.md, "spawn").
  const { execa } = await import('execa');
  return !(await execa(cmd, args, { timeout: 10_000, reject: false })).failed;
}

/**
 * A controller is usable for our containers when a v1 hierarchy has it, or on
 * a pure v2 host the unified hierarchy offers it. On a hybrid host, runtimes
 * apply resources through v1 only, so a controller found only on the cgroup2
 * mount does not count.
 */
function controller(layout: CgroupLayout, names: readonly string[]): ConditionState {
  for (const n of names) {
    const v = controllerVersion(layout, n);
    if (v === 'v1' || (v === 'v2' && layout.mode === 'v2')) return { ok: true, detail: `${n} (${v})` };
  }
  const onUnified = names.find((n) => layout.unifiedControllers.includes(n));
  if (onUnified && layout.mode === 'hybrid') {
    return no(`the ${onUnified} controller is only on the cgroup2 mount of this hybrid host (${layout.unified}), where runtimes do not apply resources`);
  }
  return no(`no ${names.join(' or ')} controller in any cgroup hierarchy of this host (layout ${layout.mode})`);
}

async function swapAccounting(layout: CgroupLayout): Promise<ConditionState> {
  const own = await readProcCgroups('self');
  if (layout.v1.memory) {
    const dir = join(layout.v1.memory, own.v1.memory ?? '/');
    return (await exists(join(dir, 'memory.memsw.limit_in_bytes'))) || (await exists(join(layout.v1.memory, 'memory.memsw.limit_in_bytes')))
      ? yes
      : no('swap accounting is off (no memory.memsw.limit_in_bytes; boot with swapaccount=1)');
  }
  if (layout.mode === 'v2' && layout.unified && layout.unifiedControllers.includes('memory')) {
    const dir = join(layout.unified, own.unified ?? '/');
    return (await exists(join(dir, 'memory.swap.max'))) ? yes : no('no memory.swap.max in our cgroup (swap accounting off)');
  }
  return no('no usable memory controller, so no swap accounting');
}

async function hugetlb(layout: CgroupLayout): Promise<ConditionState> {
  const c = controller(layout, ['hugetlb']);
  if (!c.ok) return c;
  try {
    const sizes = (await readFile('/proc/meminfo', 'utf8')).match(/^Hugepagesize:\s+\d+/m);
    return sizes ? c : no('the kernel reports no huge page size');
  } catch {
    return no('cannot read /proc/meminfo');
  }
}

/**
 * Root may create cgroups anywhere; anyone else only below a cgroup of theirs that is delegated to them
 * (writable), in every hierarchy a runtime would place a container in (each v1 one, or the unified one on v2).
 */
async function cgroupWrite(layout: CgroupLayout): Promise<ConditionState> {
  if (process.getuid?.() === 0) return yes;
  const own = await readProcCgroups('self');
  const dirs = new Map<string, string>();
  for (const [ctrl, mp] of Object.entries(layout.v1)) if (!ctrl.startsWith('name=')) dirs.set(mp, join(mp, strip(layout, mp, own.v1[ctrl])));
  if (layout.mode === 'v2' && layout.unified) dirs.set(layout.unified, join(layout.unified, strip(layout, layout.unified, own.unified)));
  if (dirs.size === 0) return no('no cgroup hierarchy with controllers on this host');
  for (const dir of dirs.values()) {
    if (!(await exists(dir, constants.W_OK))) return no(`not root, and our cgroup ${dir} is not delegated to uid ${process.getuid?.()} (not writable): the runtime can't create container cgroups`);
  }
  return { ok: true, detail: `delegated: ${[...dirs.values()].join(', ')}` };
}

/** A process's cgroup path inside the hierarchy mounted at `mp` (the mount's root taken off). */
function strip(layout: CgroupLayout, mp: string, path: string | undefined): string {
  const root = layout.mountRoots[mp] ?? '/';
  return path && path.startsWith(root) ? path.slice(root.length) : '/';
}

function kernelAtLeast(major: number, minor: number): boolean {
  const m = /^(\d+)\.(\d+)/.exec(release());
  return !!m && (Number(m[1]) > major || (Number(m[1]) === major && Number(m[2]) >= minor));
}

export async function probeConditions(inp: ProbeInputs): Promise<HostConditions> {
  const { layout } = inp;
  const status = await readStatus('self');
  const mounts = await readMountinfo('self').catch(() => []);
  const apparmorOn = (await readFile('/sys/module/apparmor/parameters/enabled', 'utf8').catch(() => 'N')).trim() === 'Y';
  const probes: Record<Condition, () => Promise<ConditionState> | ConditionState> = {
    root: () => (process.getuid?.() === 0 ? yes : no(`not running as root (uid ${process.getuid?.()})`)),
    'cgroup-write': () => cgroupWrite(layout),
    'mapped-ids': () => {
      if (process.getuid?.() === 0) return yes;
      const sub = inp.rootless?.subordinate;
      if (sub) return { ok: true, detail: `container ids 1 up map to subordinate uids ${sub.uid.start}+${sub.uid.count}, gids ${sub.gid.start}+${sub.gid.count}` };
      const why = inp.rootless?.noSubordinate ?? 'not a rootless run';
      return no(`a rootless run: the containers' user namespace maps only container root (to uid ${process.getuid?.()}, gid ${process.getgid?.()}; ${why}), so no other uid or gid exists there`);
    },
    'cgroup-v1': () => (layout.mode === 'v1' || layout.mode === 'hybrid' ? yes : no(`no cgroup v1 controllers (layout ${layout.mode})`)),
    'cgroup-v2': () => (layout.mode === 'v2' ? yes : no(`not a pure cgroup v2 host (layout ${layout.mode})`)),
    'cgroup-hybrid': () => (layout.mode === 'hybrid' ? yes : no(`not a hybrid cgroup host (layout ${layout.mode})`)),
    'cgroup-memory': () => controller(layout, ['memory']),
    'cgroup-cpu': () => controller(layout, ['cpu']),
    'cgroup-cpuset': () => controller(layout, ['cpuset']),
    'cgroup-pids': () => controller(layout, ['pids']),
    'cgroup-blkio': () => controller(layout, ['blkio', 'io']),
    'cgroup-devices': () =>
      layout.v1.devices ? yes : layout.mode === 'v2' ? { ok: true, detail: 'eBPF device filter (v2)' } : no('no devices controller and no pure cgroup v2'),
    'cgroup-freezer': () => (layout.v1.freezer ? yes : layout.mode === 'v2' ? { ok: true, detail: 'cgroup.freeze (v2)' } : no('no freezer controller')),
    hugetlb: () => hugetlb(layout),
    'net-cls': () => (layout.v1.net_cls ? yes : no('no net_cls hierarchy (cgroup v1 only) on this host')),
    'net-prio': () => (layout.v1.net_prio ? yes : no('no net_prio hierarchy (cgroup v1 only) on this host')),
    rdma: () => controller(layout, ['rdma']),
    'swap-accounting': () => swapAccounting(layout),
    userns: async () =>
      Number((await readFile('/proc/sys/user/max_user_namespaces', 'utf8').catch(() => '0')).trim()) === 0
        ? no('user.max_user_namespaces is 0')
        : (await run('unshare', ['--user', '--map-root-user', 'true']))
          ? yes
          : no('`unshare --user --map-root-user true` failed: user namespaces cannot be created'),
    timens: async () => ((await exists('/proc/self/ns/time')) ? yes : no('the kernel has no time namespaces (/proc/self/ns/time missing)')),
    cgroupns: async () => ((await exists('/proc/self/ns/cgroup')) ? yes : no('the kernel has no cgroup namespaces')),
    seccomp: async () =>
      status.fields.Seccomp !== undefined && (await exists('/proc/sys/kernel/seccomp/actions_avail'))
        ? yes
        : no('the kernel has no seccomp filter support (/proc/sys/kernel/seccomp/actions_avail missing)'),
    apparmor: () => (apparmorOn ? yes : no('AppArmor is not enabled (/sys/module/apparmor/parameters/enabled is not Y)')),
    selinux: async () => ((await exists('/sys/fs/selinux/enforce')) ? yes : no('SELinux is not enabled (/sys/fs/selinux missing)')),
    'intel-rdt': () => (mounts.some((m) => m.fstype === 'resctrl') ? yes : no('no resctrl filesystem mounted (Intel RDT)')),
    'cap-sys-resource': () =>
      status.capabilities.effective.includes('CAP_SYS_RESOURCE') ? yes : no('CAP_SYS_RESOURCE is not in our effective set (raising hard rlimits or negative oom_score_adj would fail)'),
    'idmapped-mounts': () => (kernelAtLeast(5, 12) ? yes : no(`kernel ${release()} is older than 5.12 (no idmapped mounts)`)),
    'runtime-features': () => inp.features,
    // Receiving the pty master means SCM_RIGHTS on a unix socket: libc through koffi (console-socket.ts).
    'console-socket': () => {
      if (!inp.consoleSocket) return no('the runtime profile has no --console-socket');
      const problem = receiverProblem();
      return problem === undefined ? yes : no(problem);
    },
    // A run measures it after the canary and replaces this; a caller that does not measure keeps the usual case.
    'host-pid-view': () => inp.hostPidView ?? { ok: true, detail: 'assumed: not measured' },
  };
  const out = {} as Record<Condition, ConditionState>;
  await Promise.all(
    CONDITIONS.map(async (c) => {
      try {
        out[c] = await probes[c]();
      } catch (e) {
        out[c] = no(`probe failed: ${(e as Error).message}`);
      }
    }),
  );
  return out;
}
