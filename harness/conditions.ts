/**
 * Host conditions: a closed, named set. A case lists the ones it `needs`; the
 * runner probes each once per run (harness/probe.ts) and skips a case whose
 * condition does not hold, quoting the probe's reason. The set is closed so a
 * typo in a case is a type error and a lint failure, never a silent skip.
 */
export const CONDITIONS = [
  /** We run as uid 0 (the runtimes need it for everything but rootless mode). */
  'root',
  /**
   * Container cgroups can be created: we are root, or every cgroup of ours the runtime would create them in is
   * delegated to us (writable). Without it a rootless run writes no cgroupsPath and cgroup cases skip.
   */
  'cgroup-write',
  /** Some cgroup v1 hierarchy with controllers is mounted (pure v1 or hybrid). */
  'cgroup-v1',
  /** The unified hierarchy is the only one (pure cgroup v2 host). */
  'cgroup-v2',
  /** v1 controllers plus a cgroup2 mount beside them (systemd "hybrid"). */
  'cgroup-hybrid',
  /** The memory controller is usable for our containers (v1 or v2). */
  'cgroup-memory',
  /** The cpu controller (cpu shares/quota or cpu.weight/cpu.max). */
  'cgroup-cpu',
  /** The cpuset controller. */
  'cgroup-cpuset',
  /** The pids controller. */
  'cgroup-pids',
  /** The blkio (v1) or io (v2) controller. */
  'cgroup-blkio',
  /** The devices controller (v1) or the unified hierarchy (v2 uses eBPF). */
  'cgroup-devices',
  /** The freezer controller (v1) or cgroup.freeze (v2). */
  'cgroup-freezer',
  /** The hugetlb controller and some huge page size. */
  'hugetlb',
  /** The v1 net_cls controller. */
  'net-cls',
  /** The v1 net_prio controller. */
  'net-prio',
  /** The rdma controller. */
  'rdma',
  /** Memory swap accounting (memory.memsw.* on v1, memory.swap.max on v2). */
  'swap-accounting',
  /**
   * Container processes can take uids and gids other than 0: a run as root (every host id can be mapped or is
   * there), or a rootless one with subordinate ids (harness/rootless.ts); not one whose containers' user
   * namespace maps container root to the caller alone.
   */
  'mapped-ids',
  /** User namespaces can be created. */
  'userns',
  /** Time namespaces exist (/proc/self/ns/time). */
  'timens',
  /** cgroup namespaces exist. */
  'cgroupns',
  /** The kernel has seccomp filter mode. */
  'seccomp',
  /** AppArmor is enabled. */
  'apparmor',
  /** SELinux is enabled. */
  'selinux',
  /** Intel RDT (resctrl) is mounted. */
  'intel-rdt',
  /** We hold CAP_SYS_RESOURCE (raise hard rlimits, negative oom_score_adj). */
  'cap-sys-resource',
  /** Idmapped mounts (mount_setattr with MOUNT_ATTR_IDMAP). */
  'idmapped-mounts',
  /** The runtime under test answers `features` with a JSON document. */
  'runtime-features',
  /** The runtime profile supports a console socket (process.terminal) and libc can be reached through koffi to receive the pty (console-socket.ts). */
  'console-socket',
  /**
   * The host's /proc/<pid> of the pid the runtime names (state.pid, the pid file) is the container process,
   * not a sandbox or VM around it (gVisor, Kata). Measured after the canary (harness/pid-view.ts); host-side
   * readers of /proc/<pid> require it (harness/inspect/host-view.ts).
   */
  'host-pid-view',
] as const;

export type Condition = (typeof CONDITIONS)[number];

/** The probe result of one condition: always a reason when it does not hold. */
export type ConditionState = { readonly ok: true; readonly detail?: string } | { readonly ok: false; readonly reason: string };

export type HostConditions = Readonly<Record<Condition, ConditionState>>;

/**
 * Conditions about the runtime under test or how we reach it, not about the host: a case skipped for one of
 * these was not skipped for a host reason (harness/expectations.ts keeps such a skip apart from host skips).
 */
export const RUNTIME_CONDITIONS: ReadonlySet<Condition> = new Set<Condition>(['runtime-features', 'console-socket', 'host-pid-view']);

/** A condition of the host (kernel, cgroups, LSMs, privileges), as opposed to one of the runtime. */
export function isHostCondition(c: Condition): boolean {
  return !RUNTIME_CONDITIONS.has(c);
}

export function isCondition(s: string): s is Condition {
  return (CONDITIONS as readonly string[]).includes(s);
}
