import type { CheckedBy, Keyword, LevelChange, Requirement, RequirementId } from '../types.js';

/**
 * Requirements of runtime-spec config-linux.md: one entry per normative
 * sentence (two when a sentence holds two independent requirements).
 * `since` is the first tag whose text has the keyword; `until` the last one
 * that still had it. Anchors are GitHub's heading anchors at v1.3.0 (the
 * device allowlist heading was "Device whitelist" before 1.1.0).
 */

const S: CheckedBy = { by: 'static' };
const B: CheckedBy = { by: 'behavioural' };
const BOTH: CheckedBy = { by: 'both' };
const U = (why: string): CheckedBy => ({ by: 'untestable', why });

interface Extra {
  readonly until?: string;
  readonly changes?: readonly LevelChange[];
}

function r(id: string, keyword: Keyword, anchor: string, since: string, summary: string, check: CheckedBy, extra: Extra = {}): Requirement {
  return { id, spec: 'runtime-spec', keyword, doc: 'config-linux.md', anchor, since, summary, check, platforms: ['linux'], ...extra };
}

/**
 * What a field is defined to do, with no keyword in its own sentence: binding
 * through `basis` (runtime.md: create applies every property of the config).
 * Checked by oci-conform cases, which cite these instead of the broad basis.
 */
function implied(id: string, anchor: string, since: string, summary: string, basis: RequirementId = 'RT-CREATE-APPLY-CONFIG'): Requirement {
  return { ...r(id, 'IMPLIED', anchor, since, summary, B), basis };
}

const NS = 'namespaces';
const CGO = 'cgroup-ownership';
const RDT = 'intelrdt';
const SEC = 'seccomp';
const CPS = 'the-container-process-state';
const NETDEV = 'network-devices';
const BLK = 'block-io';

/** Requirements of runtime-spec config-linux.md. */
export const CONFIG_LINUX: readonly Requirement[] = [
  r('LNX-DEFAULT-FILESYSTEMS', 'SHOULD', 'default-filesystems', '1.0.0', 'The container sees proc at /proc, sysfs at /sys, devpts at /dev/pts and tmpfs at /dev/shm.', B),

  // Namespaces
  r('LNX-NS-TYPE-VALID', 'REQUIRED', NS, '1.0.0', 'Every namespaces entry has a type, and it names one of the namespace types the spec lists.', S),
  r('LNX-NS-TYPES-SUPPORTED', 'SHOULD', NS, '1.0.2', 'A runtime supports every namespace type the spec lists (pid, network, mount, ipc, uts, user, cgroup, time).', B),
  r('LNX-NS-PATH-ABSOLUTE', 'MUST', NS, '1.0.1', 'A namespace path is an absolute path in the runtime mount namespace.', S),
  r('LNX-NS-PATH-JOIN', 'MUST', NS, '1.0.0', 'With a namespace path, the container process joins the namespace that path refers to.', B),
  r('LNX-NS-PATH-TYPE-MATCH', 'MUST', NS, '1.0.0', 'The runtime fails when a namespace path does not refer to a namespace of the entry type.', B),
  r('LNX-NS-CREATE', 'MUST', NS, '1.0.0', 'Without a path, the runtime creates a new namespace of the entry type for the container.', B),
  r('LNX-NS-INHERIT', 'MUST', NS, '1.0.0', 'For a namespace type absent from the array, the container stays in the runtime namespace of that type.', B),
  r('LNX-NS-DUPLICATE-TYPE', 'MUST', NS, '1.0.0', 'The runtime fails when two namespaces entries have the same type.', BOTH),
  implied('LNX-NS-TIME-TYPE', NS, '1.1.0', "The namespaces array may name a 'time' namespace, which the runtime creates, joins or leaves inherited like the other types."),

  // User namespace mappings
  r('LNX-IDMAP-CONTAINERID-REQUIRED', 'REQUIRED', 'user-namespace-mappings', '1.0.0', 'Every uid/gid mapping entry gives containerID, the first id inside the container (uint32).', S),
  r('LNX-IDMAP-HOSTID-REQUIRED', 'REQUIRED', 'user-namespace-mappings', '1.0.0', 'Every uid/gid mapping entry gives hostID, the first host id it maps (uint32).', S),
  r('LNX-IDMAP-SIZE-REQUIRED', 'REQUIRED', 'user-namespace-mappings', '1.0.0', 'Every uid/gid mapping entry gives size, how many ids it maps (uint32).', S),
  r('LNX-IDMAP-NO-CHOWN', 'SHOULD NOT', 'user-namespace-mappings', '1.0.0', 'To apply id mappings the runtime leaves the ownership of the referenced filesystems alone.', B),
  implied('LNX-IDMAP-APPLIED', 'user-namespace-mappings', '1.0.0', 'The container user namespace has exactly the uidMappings and gidMappings as its uid_map and gid_map.'),
  implied('LNX-TIMEOFFSETS-APPLIED', 'offset-for-time-namespace', '1.1.0', 'The container time namespace has the timeOffsets of each clock (seconds and nanoseconds) as its offsets.'),

  // Devices
  r('LNX-DEVICES-AVAILABLE', 'MUST', 'devices', '1.0.0', 'Every device listed in linux.devices exists in the container.', B),
  r('LNX-DEVICES-TYPE-VALID', 'REQUIRED', 'devices', '1.0.0', "Every device entry has a type, one of 'c', 'b', 'u' or 'p'.", S),
  r('LNX-DEVICES-PATH-REQUIRED', 'REQUIRED', 'devices', '1.0.0', 'Every device entry has a path, the full (absolute) path of the device inside the container.', S),
  r('LNX-DEVICES-PATH-CONFLICT', 'MUST', 'devices', '1.0.0', 'The runtime fails when a file already at a device path is not the requested device (two different devices at one path cannot both be made).', BOTH),
  r('LNX-DEVICES-MAJOR-MINOR-REQUIRED', 'REQUIRED', 'devices', '1.0.0', "A device of type 'c', 'b' or 'u' gives both major and minor numbers (int64); a fifo ('p') needs none.", S),
  r('LNX-DEVICES-NO-DUPLICATE-NUMBERS', 'SHOULD NOT', 'devices', '1.0.0', 'No two device entries share the same type, major and minor.', S),
  r('LNX-DEFAULT-DEVICES', 'MUST', 'default-devices', '1.0.0', 'Besides the listed devices, the container has /dev/null, zero, full, random, urandom, tty, ptmx (and console with a terminal); a devices entry cannot replace one with another device.', BOTH),

  // Network devices (1.3.0)
  r('LNX-NETDEV-AVAILABLE', 'MUST', NETDEV, '1.3.0', 'Every network device named in netDevices is moved into the container network namespace.', B),
  r('LNX-NETDEV-CHECK-MOVE', 'MUST', NETDEV, '1.3.0', 'The runtime checks that moving each network device into the container namespace is possible.', B),
  r('LNX-NETDEV-NAME-CONFLICT', 'MUST', NETDEV, '1.3.0', "The runtime fails when the target interface name already exists in the container namespace, unless the name is a '%d' template.", BOTH),
  r('LNX-NETDEV-TEMPLATE-ALLOW', 'MUST', NETDEV, '1.3.0', "With a target name ending in the '%d' template, the runtime allows the move and lets the kernel pick a free name.", B),
  r('LNX-NETDEV-PRESERVE-ADDRESSES', 'MUST', NETDEV, '1.3.0', 'A moved network device keeps its attributes, including its permanent addresses of global scope.', B),
  r('LNX-NETDEV-SET-UP', 'MUST', NETDEV, '1.3.0', 'After the move the runtime sets the network device up.', B),
  r('LNX-NETDEV-NO-MANAGE', 'MUST NOT', 'namespace-lifecycle-and-container-termination', '1.3.0', 'The runtime does not manage the moved interface lifecycle or configuration inside the container namespace.', U('a prohibition over the whole container life with no defined moment or observable act to check')),
  r('LNX-NETDEV-NO-MOVE-BACK', 'MUST NOT', 'namespace-lifecycle-and-container-termination', '1.3.0', 'The runtime does not move a network device back out of the container namespace before deleting it.', B),

  // Control groups
  r('LNX-CGROUP-FIT-CHECK-ERROR', 'MUST', 'control-groups', '1.1.0', 'When a runtime checks whether the container cgroup is fit for an operation and the check fails, it fails the operation.', B),
  r('LNX-CGROUPSPATH-FORM', 'MUST', 'cgroups-path', '1.0.0', 'cgroupsPath is a path, absolute (leading slash) or relative.', S),
  r('LNX-CGROUPSPATH-ABSOLUTE-ROOT', 'MUST', 'cgroups-path', '1.0.0', 'An absolute cgroupsPath is taken relative to the cgroup mount point.', B),
  r('LNX-CGROUPSPATH-CONSISTENT', 'MUST', 'cgroups-path', '1.0.0', 'The same cgroupsPath always leads the runtime to the same place in the cgroup hierarchy.', B),
  r('LNX-CGROUPSPATH-INVALID-ERROR', 'MUST', 'cgroups-path', '1.0.0', 'A runtime that considers a cgroupsPath value invalid fails with an error.', B),
  implied('LNX-CGROUPSPATH-APPLIED', 'cgroups-path', '1.0.0', "The container processes are placed in the cgroup that cgroupsPath names (a relative one below a place the runtime chooses)."),
  r('LNX-CGROUP-OWNER-NOT-V1', 'SHOULD NOT', CGO, '1.1.0', 'The runtime does not hand the container cgroup over to the container user on cgroup v1.', B),
  r('LNX-CGROUP-OWNER-NEEDS-CGROUPNS', 'SHOULD NOT', CGO, '1.1.0', 'The runtime changes cgroup ownership only when it also creates a new cgroup namespace.', B),
  r('LNX-CGROUP-OWNER-IFF-RW-MOUNT', 'SHOULD', CGO, '1.1.0', 'The runtime changes cgroup ownership exactly when the config mounts cgroup at /sys/fs/cgroup without ro.', B),
  r('LNX-CGROUP-OWNER-NO-MOUNT', 'SHOULD NOT', CGO, '1.1.0', 'Without a read-write cgroup mount at /sys/fs/cgroup, the runtime leaves cgroup ownership unchanged.', B),
  r('LNX-CGROUP-OWNER-DELEGATE-ONLY', 'SHOULD', CGO, '1.1.0', 'When changing ownership, only the cgroup directory and files named in /sys/kernel/cgroup/delegate change owner.', B),
  r('LNX-CGROUP-OWNER-MISSING-FILES-NO-FAIL', 'MUST NOT', CGO, '1.1.0', 'A delegate file that does not exist in the cgroup does not make the runtime fail.', B),
  r('LNX-CGROUP-OWNER-EXISTING-FILES', 'SHOULD', CGO, '1.1.0', 'The delegate files that do exist in the cgroup change owner.', B),
  r('LNX-CGROUP-OWNER-FALLBACK-FILES', 'MUST', CGO, '1.1.0', 'Without /sys/kernel/cgroup/delegate, the runtime uses cgroup.procs, cgroup.subtree_control and cgroup.threads.', B),
  r('LNX-CGROUP-OWNER-NO-OTHER-FILES', 'SHOULD NOT', CGO, '1.1.0', 'No other cgroup file changes owner.', B),
  r('LNX-CGDEV-ORDER', 'MUST', 'allowed-device-list', '1.0.0', 'The runtime applies the resources.devices entries in the order given.', B),
  r('LNX-CGDEV-ALLOW-REQUIRED', 'REQUIRED', 'allowed-device-list', '1.0.0', 'Every resources.devices entry has the boolean allow.', S),
  implied('LNX-CGDEV-APPLIED', 'allowed-device-list', '1.0.0', "The device cgroup of the container allows and denies device access (type, major, minor, access) as resources.devices lists."),
  implied('LNX-MEMORY-APPLIED', 'memory', '1.0.0', "The memory cgroup of the container carries the configured limit, reservation, swap, kernel, kernelTCP, swappiness and disableOOMKiller."),
  implied('LNX-MEMORY-USEHIERARCHY-APPLIED', 'memory', '1.0.2', 'The memory cgroup of the container has hierarchical accounting on or off as memory.useHierarchy says.'),
  implied('LNX-CPU-APPLIED', 'cpu', '1.0.0', 'The cpu and cpuset cgroups of the container carry the configured shares, quota, period, realtime runtime and period, cpus and mems.'),
  implied('LNX-CPU-BURST-APPLIED', 'cpu', '1.1.0', 'The cpu cgroup of the container carries the configured cpu.burst.'),
  implied('LNX-CPU-IDLE-APPLIED', 'cpu', '1.1.0', 'The cpu cgroup of the container carries the configured cpu.idle (SCHED_IDLE for the group when 1).'),
  implied('LNX-BLKIO-APPLIED', BLK, '1.0.0', 'The blkio (v2: io) cgroup of the container carries the configured weight, leafWeight, weightDevice and throttle entries.'),
  implied('LNX-HUGEPAGE-APPLIED', 'huge-page-limits', '1.0.0', 'The hugetlb cgroup of the container limits each configured page size to its limit.'),
  implied('LNX-NETWORK-APPLIED', 'network', '1.0.0', 'The net_cls and net_prio cgroups of the container carry the configured classID and interface priorities.'),
  implied('LNX-PIDS-APPLIED', 'pids', '1.0.0', 'The pids cgroup of the container limits its task count to pids.limit.'),
  implied('LNX-UNIFIED-APPLIED', 'unified', '1.1.0', 'Each unified entry ends up as the content of the cgroup v2 file of that name in the container cgroup.'),
  r('LNX-MEMORY-KERNEL-NOT-RECOMMENDED', 'SHOULD NOT', 'memory', '1.1.0', 'memory.kernel (kernel memory limit) is not recommended; leave it unset.', S),
  r('LNX-MEMORY-KERNELTCP-NOT-RECOMMENDED', 'SHOULD NOT', 'memory', '1.1.0', 'memory.kernelTCP (kernel TCP buffer limit) is not recommended; leave it unset.', S),
  r('LNX-MEMORY-CHECK-BEFORE-UPDATE', 'MUST', 'memory', '1.1.0', 'With checkBeforeUpdate, a runtime that finds a new memory limit below current usage rejects it.', B),
  r('LNX-CPU-QUOTA-NOT-BELOW-BURST', 'MUST', 'cpu', '1.1.0', 'A positive cpu.quota is not smaller than cpu.burst.', S),
  r('LNX-CPU-BURST-NOT-ABOVE-QUOTA', 'MUST', 'cpu', '1.1.0', 'cpu.burst is not larger than a positive cpu.quota.', S),
  r('LNX-BLKIO-WEIGHTDEVICE-MAJOR-MINOR-REQUIRED', 'REQUIRED', BLK, '1.0.0', 'Every blockIO.weightDevice entry gives major and minor (int64).', S),
  r('LNX-BLKIO-WEIGHTDEVICE-WEIGHT-OR-LEAF', 'MUST', BLK, '1.0.0', 'Every blockIO.weightDevice entry gives weight, leafWeight or both.', S),
  r('LNX-BLKIO-THROTTLE-BPS-MAJOR-MINOR-REQUIRED', 'REQUIRED', BLK, '1.0.0', 'Every throttleRead/WriteBpsDevice entry gives major and minor (int64).', S),
  r('LNX-BLKIO-THROTTLE-BPS-RATE-REQUIRED', 'REQUIRED', BLK, '1.0.0', 'Every throttleRead/WriteBpsDevice entry gives rate in bytes per second (uint64).', S),
  r('LNX-BLKIO-THROTTLE-IOPS-MAJOR-MINOR-REQUIRED', 'REQUIRED', BLK, '1.0.0', 'Every throttleRead/WriteIOPSDevice entry gives major and minor (int64).', S),
  r('LNX-BLKIO-THROTTLE-IOPS-RATE-REQUIRED', 'REQUIRED', BLK, '1.0.0', 'Every throttleRead/WriteIOPSDevice entry gives rate in operations per second (uint64).', S),
  r('LNX-HUGEPAGE-PAGESIZE-REQUIRED', 'REQUIRED', 'huge-page-limits', '1.0.0', "Every hugepageLimits entry gives pageSize, written <size><unit prefix>B such as '2MB'.", S),
  r('LNX-HUGEPAGE-LIMIT-REQUIRED', 'REQUIRED', 'huge-page-limits', '1.0.0', 'Every hugepageLimits entry gives limit in bytes (uint64).', S),
  r('LNX-NETWORK-PRIORITY-NAME-REQUIRED', 'REQUIRED', 'network', '1.0.0', 'Every network.priorities entry names an interface.', S),
  r('LNX-NETWORK-PRIORITY-PRIORITY-REQUIRED', 'REQUIRED', 'network', '1.0.0', 'Every network.priorities entry gives priority (uint32).', S),
  r('LNX-PIDS-LIMIT-REQUIRED', 'REQUIRED', 'pids', '1.0.0', 'A pids object gives limit (int64); optional from 1.3.0 on.', S, { until: '1.2.1' }),
  r('LNX-PIDS-ZERO-VALID', 'SHOULD', 'pids', '1.3.0', 'A pids limit of 0 is applied as a real limit of zero, not read as unset.', B),
  r('LNX-RDMA-HANDLES-OR-OBJECTS', 'MUST', 'rdma', '1.0.2', 'Every rdma entry gives hcaHandles, hcaObjects or both.', S),
  r('LNX-UNIFIED-ENABLE-CONTROLLERS', 'MUST', 'unified', '1.1.0', 'The runtime enables the cgroup v2 controllers that the unified keys need.', B),
  r('LNX-UNIFIED-WRITE-UNKNOWN', 'MUST', 'unified', '1.1.0', 'The runtime writes unified entries to their files even when it does not know them.', B),
  r('LNX-UNIFIED-MISSING-CONTROLLER-ERROR', 'MUST', 'unified', '1.1.0', 'The runtime fails when a unified key needs a controller that is absent or cannot be enabled.', B),
  r('LNX-UNIFIED-CONVERSION-ERROR', 'MUST', 'unified', '1.1.0', 'The runtime fails when cgroup v1 settings cannot be converted for a cgroup v2 host.', B),

  // Intel RDT
  r('LNX-RDT-TASKS', 'MUST', RDT, '1.0.0', 'With intelRdt, the container process id goes into the tasks file of the resctrl sub-directory named by closID (a single directory name).', BOTH),
  r('LNX-RDT-NO-RESCTRL-ERROR', 'MUST', RDT, '1.0.0', 'With intelRdt and no resctrl mounted in the runtime mount namespace, the runtime fails.', B),
  r('LNX-RDT-UNSET-NO-TOUCH', 'MUST NOT', RDT, '1.0.0', 'Without intelRdt, the runtime leaves every resctrl filesystem alone.', B),
  r('LNX-RDT-CLOSID-ROOT', 'MUST', RDT, '1.3.0', "closID '/' puts the container in the default class of service (the resctrl root).", B),
  r('LNX-RDT-L3-PREFIX', 'SHOULD', RDT, '1.0.2', "l3CacheSchema starts with 'L3:'.", S),
  r('LNX-RDT-L3-NO-NEWLINE', 'SHOULD NOT', RDT, '1.0.2', 'l3CacheSchema holds no newline.', S),
  r('LNX-RDT-MB-PREFIX', 'MUST', RDT, '1.0.2', "memBwSchema starts with 'MB:'.", S),
  r('LNX-RDT-MB-NO-NEWLINE', 'MUST NOT', RDT, '1.0.2', 'memBwSchema holds no newline.', S),
  r('LNX-RDT-SCHEMATA-NO-NEWLINE', 'MUST NOT', RDT, '1.3.0', 'No element of intelRdt.schemata holds a newline.', S),
  r('LNX-RDT-PARAM-RULES', 'MUST', RDT, '1.1.0', 'The runtime follows the listed intelRdt parameter rules (the entries below check each one).', B),
  r('LNX-RDT-BOTH-SCHEMAS-WRITE', 'MUST', RDT, '1.0.2', 'With both l3CacheSchema and memBwSchema, both go into the schemata file of the closID directory.', B),
  r('LNX-RDT-SCHEMA-ORDER', 'MUST', RDT, '1.3.0', 'l3CacheSchema is written to schemata before memBwSchema.', B),
  r('LNX-RDT-MB-LINE-MERGE', 'MUST', RDT, '1.0.2', "If l3CacheSchema has an 'MB:' line, schemata gets its other lines plus the memBwSchema line.", B, { until: '1.2.1' }),
  r('LNX-RDT-SCHEMA-WRITE', 'MUST', RDT, '1.0.0', 'A set l3CacheSchema or memBwSchema is written to the schemata file of the container directory.', B),
  r('LNX-RDT-SCHEMATA-WRITE', 'MUST', RDT, '1.3.0', 'A set intelRdt.schemata is written to the schemata file of the closID directory.', B),
  r('LNX-RDT-NO-SCHEMA-NO-WRITE', 'MUST NOT', RDT, '1.0.0', 'With no schema field set, the runtime writes no schemata file.', B),
  r('LNX-RDT-DEFAULT-CLOSID', 'MUST', RDT, '1.0.2', 'Without closID, the runtime uses the container id as the directory name and creates it.', B),
  r('LNX-RDT-CLOSID-CREATE', 'MUST', RDT, '1.0.2', 'With closID and a schema, the runtime creates the closID directory when it is missing.', B),
  r('LNX-RDT-CLOSID-COMPARE', 'MUST', RDT, '1.0.2', 'With closID and a schema, an existing closID directory whose schemata differs makes the runtime fail.', B),
  r('LNX-RDT-CLOSID-PRECONFIGURED-CHECK', 'MUST', RDT, '1.0.2', 'With closID and no schema, the runtime checks that the closID directory exists.', B),
  r('LNX-RDT-CLOSID-PRECONFIGURED-ASSIGN', 'MUST', RDT, '1.0.2', 'With closID and no schema, the container joins the existing closID directory.', B),
  r('LNX-RDT-CLOSID-MISSING-ERROR', 'MUST', RDT, '1.0.2', 'With closID and no schema, a missing closID directory makes the runtime fail.', B),
  r('LNX-RDT-REMOVE-CREATED', 'MUST', RDT, '1.3.0', 'A resctrl directory the runtime created (no closID) is removed when the container is deleted.', B),
  r('LNX-RDT-KEEP-PRECONFIGURED', 'MUST NOT', RDT, '1.3.0', 'A resctrl directory named by closID, or not created by the runtime, survives container deletion.', B),
  r('LNX-RDT-MON-CREATE', 'MUST', RDT, '1.3.0', 'With enableMonitoring, the runtime creates a monitoring group for the container.', B),
  r('LNX-RDT-MON-NAME', 'MUST', RDT, '1.3.0', 'The monitoring group is mon_groups/<container-id> under the container CTRL_MON group.', B),
  r('LNX-RDT-MON-DELETE', 'MUST', RDT, '1.3.0', 'The monitoring group is removed after the container is deleted.', B),
  r('LNX-RDT-MON-ERROR', 'MUST', RDT, '1.3.0', 'Failing to create the monitoring group makes the runtime fail.', B),

  // Memory policy (1.3.0)
  r('LNX-MEMPOLICY-MODE-REQUIRED', 'REQUIRED', 'memory-policy', '1.3.0', 'A memoryPolicy gives mode, one of the MPOL_* modes the spec lists.', S),

  // Seccomp
  implied('LNX-SECCOMP-FILTER-APPLIED', SEC, '1.0.0', 'The process runs under a seccomp filter for the listed architectures: listed syscalls get their action, all others defaultAction.'),
  implied('LNX-SECCOMP-ARGS-APPLIED', SEC, '1.0.0', 'A syscalls entry with args applies only to calls whose arguments pass every comparison (op, value, valueTwo).'),
  implied('LNX-SECCOMP-ERRNORET-APPLIED', SEC, '1.1.0', 'An ERRNO action returns errnoRet (defaultErrnoRet for the default action) instead of EPERM.'),
  implied('LNX-SECCOMP-ACTION-LOG', SEC, '1.0.2', 'SCMP_ACT_LOG lets the syscall run (and logs it).'),
  implied('LNX-SECCOMP-ACTION-KILL-PROCESS', SEC, '1.1.0', 'SCMP_ACT_KILL_PROCESS kills the whole process (every thread) making the syscall.'),
  implied('LNX-SECCOMP-ACTION-KILL-THREAD', SEC, '1.1.0', 'SCMP_ACT_KILL_THREAD kills the thread making the syscall.'),
  implied('LNX-SECCOMP-FLAGS-APPLIED', SEC, '1.0.2', 'The seccomp flags (SECCOMP_FILTER_FLAG_*) are used when the filter is loaded.'),
  r('LNX-SECCOMP-DEFAULT-ACTION-REQUIRED', 'REQUIRED', SEC, '1.0.0', 'A seccomp object gives defaultAction, one of the SCMP_ACT_* actions.', S),
  r('LNX-SECCOMP-DEFAULT-ERRNO-UNSUPPORTED', 'MUST', SEC, '1.1.0', 'defaultErrnoRet with a defaultAction that returns no errno (only ERRNO and TRACE do) makes the runtime fail.', BOTH),
  r('LNX-SECCOMP-LISTENER-SOCKET', 'MUST', SEC, '1.1.0', 'The seccomp listener socket is an AF_UNIX SOCK_STREAM socket.', B),
  r('LNX-SECCOMP-LISTENER-ONE-STATE', 'MUST', SEC, '1.1.0', 'The runtime sends exactly one container process state per listener connection.', B),
  r('LNX-SECCOMP-LISTENER-NO-REUSE', 'MUST NOT', SEC, '1.1.0', 'The runtime does not reuse a listener connection.', B),
  r('LNX-SECCOMP-LISTENER-CLOSE', 'MUST', SEC, '1.1.0', 'The runtime closes the listener connection after sending the state.', B),
  r('LNX-SECCOMP-LISTENER-SEND-ERROR', 'MUST', SEC, '1.1.0', 'Failing to send to the listener (including having no listenerPath with SCMP_ACT_NOTIFY) makes the runtime fail.', BOTH),
  r('LNX-SECCOMP-LISTENER-SECCOMPFD', 'REQUIRED', SEC, '1.1.0', "The state sent to the listener names the seccomp notify descriptor 'seccompFd' in fds.", B),
  r('LNX-SECCOMP-METADATA-NEEDS-LISTENER', 'MUST NOT', SEC, '1.1.0', 'listenerMetadata is set only together with listenerPath.', S),
  r('LNX-SECCOMP-SYSCALL-NAMES-REQUIRED', 'REQUIRED', SEC, '1.0.0', 'Every syscalls entry gives names, an array of syscall names.', S),
  r('LNX-SECCOMP-SYSCALL-NAMES-NONEMPTY', 'MUST', SEC, '1.0.0', 'The names array of a syscalls entry has at least one entry.', S),
  r('LNX-SECCOMP-SYSCALL-ACTION-REQUIRED', 'REQUIRED', SEC, '1.0.0', 'Every syscalls entry gives action, one of the SCMP_ACT_* actions.', S),
  r('LNX-SECCOMP-ERRNO-UNSUPPORTED', 'MUST', SEC, '1.1.0', 'errnoRet on a syscalls entry whose action returns no errno (only ERRNO and TRACE do) makes the runtime fail.', BOTH),
  r('LNX-SECCOMP-ARG-INDEX-REQUIRED', 'REQUIRED', SEC, '1.0.0', 'Every args entry gives index, the syscall argument position (0 to 5).', S),
  r('LNX-SECCOMP-ARG-VALUE-REQUIRED', 'REQUIRED', SEC, '1.0.0', 'Every args entry gives value (uint64).', S),
  r('LNX-SECCOMP-ARG-OP-REQUIRED', 'REQUIRED', SEC, '1.0.0', 'Every args entry gives op, one of the SCMP_CMP_* operators.', S),
  r('LNX-SECCOMP-STATE-JSON-PAYLOAD', 'MUST', CPS, '1.1.0', 'The container process state goes over the socket as a JSON payload.', B),
  r('LNX-SECCOMP-STATE-FDS-SCM-RIGHTS', 'MUST', CPS, '1.1.0', 'File descriptors travel with the state as SCM_RIGHTS.', B),
  r('LNX-SECCOMP-STATE-FDS-FIRST-CALL', 'MUST', CPS, '1.1.0', 'When the state takes several sendmsg calls, the descriptors go only with the first.', B),
  r('LNX-SECCOMP-STATE-OCIVERSION-REQUIRED', 'REQUIRED', CPS, '1.1.0', 'The container process state has ociVersion.', B),
  r('LNX-SECCOMP-STATE-PID-REQUIRED', 'REQUIRED', CPS, '1.1.0', 'The container process state has pid, the container process id as the runtime sees it.', B),
  r('LNX-SECCOMP-STATE-STATE-REQUIRED', 'REQUIRED', CPS, '1.1.0', 'The container process state has state, the container state document.', B),

  // Paths and personality
  implied('LNX-SYSCTL-APPLIED', 'sysctl', '1.0.0', 'Each sysctl entry is set to its value for the container (seen under /proc/sys inside).'),
  implied('LNX-ROOTFS-PROPAGATION-APPLIED', 'rootfs-mount-propagation', '1.0.0', 'The container root mount has the propagation rootfsPropagation names (shared, slave, private or unbindable).'),
  implied('LNX-MASKED-PATHS-APPLIED', 'masked-paths', '1.0.0', 'Every maskedPaths entry is covered inside the container so that its content cannot be read.'),
  implied('LNX-READONLY-PATHS-APPLIED', 'readonly-paths', '1.0.0', 'Every readonlyPaths entry is read-only inside the container.'),
  implied('LNX-PERSONALITY-APPLIED', 'personality', '1.0.2', "The process runs with the execution domain of personality.domain (LINUX32: uname reports a 32-bit machine)."),
  r('LNX-MASKED-PATHS-ABSOLUTE', 'MUST', 'masked-paths', '1.0.0', 'Every maskedPaths entry is an absolute path in the container.', S),
  r('LNX-READONLY-PATHS-ABSOLUTE', 'MUST', 'readonly-paths', '1.0.0', 'Every readonlyPaths entry is an absolute path in the container.', S),
  r('LNX-PERSONALITY-DOMAIN-REQUIRED', 'REQUIRED', 'personality', '1.0.2', "A personality gives domain, 'LINUX' or 'LINUX32' (with LINUX32, uname shows a 32-bit machine).", BOTH),
];
