import type { CheckedBy, Keyword, LevelChange, Requirement, RequirementId } from '../types.js';

/**
 * Requirements of runtime-spec config.md: one entry per RFC 2119 keyword use
 * (REQUIRED property markers included). Summaries are ours; the spec text is
 * at the anchor. Checked against every tag from v1.0.0 to v1.3.0.
 */

const STATIC: CheckedBy = { by: 'static' };
const RUNS: CheckedBy = { by: 'behavioural' };
const BOTH: CheckedBy = { by: 'both' };
const no = (why: string): CheckedBy => ({ by: 'untestable', why });

interface Extra {
  readonly until?: string;
  readonly changes?: readonly LevelChange[];
  readonly platforms?: readonly string[];
}

/**
 * What a field is defined to do, with no keyword in its own sentence: binding
 * through `basis` (runtime.md: create applies the config, start runs process).
 * Checked by oci-conform cases, which cite these instead of the broad basis.
 */
function implied(id: string, anchor: string, since: string, basis: RequirementId, summary: string, extra: Extra = {}): Requirement {
  return { ...r(id, 'IMPLIED', anchor, since, summary, RUNS, extra), basis };
}

const CREATE = 'RT-CREATE-APPLY-CONFIG';
const START = 'RT-START-RUNS-PROCESS';

function r(id: string, keyword: Keyword, anchor: string, since: string, summary: string, check: CheckedBy, extra: Extra = {}): Requirement {
  return { id, spec: 'runtime-spec', keyword, doc: 'config.md', anchor, since, summary, check, ...extra };
}

const LINUX = { platforms: ['linux'] } as const;
const WINDOWS = { platforms: ['windows'] } as const;

const VERSION: Requirement[] = [
  r('CFG-OCIVERSION-REQUIRED', 'REQUIRED', 'specification-version', '1.0.0', 'ociVersion is present and a string', STATIC),
  r('CFG-OCIVERSION-SEMVER', 'MUST', 'specification-version', '1.0.0', 'ociVersion is written in SemVer 2.0.0 form', STATIC),
  r(
    'CFG-OCIVERSION-SPEC-VERSION',
    'MUST',
    'specification-version',
    '1.0.0',
    'ociVersion names a version of the OCI runtime spec that the bundle complies with (a major we know)',
    STATIC,
  ),
];

const ROOT: Requirement[] = [
  r('CFG-ROOT-REQUIRED', 'REQUIRED', 'root', '1.0.0', 'root is present on every platform other than Windows', STATIC),
  r('CFG-ROOT-WINDOWS-SERVER-REQUIRED', 'REQUIRED', 'root', '1.0.0', 'root is present for a Windows Server container (Windows without Hyper-V)', STATIC, WINDOWS),
  r('CFG-ROOT-HYPERV-ABSENT', 'MUST NOT', 'root', '1.0.0', 'root is absent for a Hyper-V container (windows.hyperv set)', STATIC, WINDOWS),
  r('CFG-ROOT-PATH-REQUIRED', 'REQUIRED', 'root', '1.0.0', 'root.path is present and a string', STATIC),
  r('CFG-ROOT-PATH-WINDOWS-VOLUME', 'MUST', 'root', '1.0.0', 'on Windows root.path is a volume GUID path (\\\\?\\Volume{GUID}\\)', STATIC, WINDOWS),
  r('CFG-ROOT-PATH-CONVENTIONAL', 'SHOULD', 'root', '1.0.0', "on POSIX platforms root.path is the conventional 'rootfs'", STATIC),
  r('CFG-ROOT-PATH-EXISTS', 'MUST', 'root', '1.0.0', 'a directory exists at root.path (relative paths taken from the bundle)', STATIC),
  r('CFG-ROOT-READONLY-ENFORCED', 'MUST', 'root', '1.0.0', 'with root.readonly true the root filesystem cannot be written from inside the container', RUNS),
  implied('CFG-ROOT-WRITABLE-DEFAULT', 'root', '1.0.0', CREATE, 'with root.readonly false or left out, the root filesystem can be written from inside the container'),
  // Read from "root specifies the container's root filesystem" (and mounts: "path inside container"): the
  // container's files are those two, so a host file outside both, such as the runtime's own executable, is not
  // the container's to change (CVE-2019-5736).
  implied(
    'CFG-ROOT-NO-HOST-FILES',
    'root',
    '1.0.0',
    CREATE,
    "the container's files are its root filesystem and its mounts: no other host file, the runtime's own executable among them, can be opened for writing from inside",
    LINUX,
  ),
  r('CFG-ROOT-READONLY-WINDOWS', 'MUST', 'root', '1.0.0', 'on Windows root.readonly is left out or false', STATIC, WINDOWS),
];

const MOUNTS: Requirement[] = [
  r('CFG-MOUNTS-ORDER', 'MUST', 'mounts', '1.0.0', 'the runtime performs the mounts in the order of the mounts array', RUNS),
  implied('CFG-MOUNT-APPLIED', 'mounts', '1.0.0', CREATE, 'every mounts entry is mounted in the container at its destination, from its source, with its type'),
  implied(
    'CFG-MOUNT-OPTIONS-APPLIED',
    'mounts',
    '1.0.0',
    CREATE,
    "a mount's options take effect on it; on Linux as mount(8) defines them (ro, nosuid, nodev, noexec, bind, rbind, propagation...), before the option table of 1.1.0 and after",
    LINUX,
  ),
  r('CFG-MOUNT-DESTINATION-REQUIRED', 'REQUIRED', 'mounts', '1.0.0', 'every mount has a destination string', STATIC),
  r('CFG-MOUNT-DESTINATION-ABSOLUTE', 'MUST', 'mounts', '1.0.0', 'a mount destination is an absolute path, on every platform', STATIC, { until: '1.1.0' }),
  r('CFG-MOUNT-DESTINATION-ABSOLUTE-WINDOWS', 'MUST', 'mounts', '1.2.0', 'on Windows a mount destination is an absolute path', STATIC, WINDOWS),
  r('CFG-MOUNT-DESTINATION-ABSOLUTE-SOLARIS', 'MUST', 'mounts', '1.2.0', 'on Solaris a mount destination is an absolute path', STATIC, { platforms: ['solaris'] }),
  r('CFG-MOUNT-DESTINATION-ABSOLUTE-OTHER', 'MUST', 'mounts', '1.2.0', 'on platforms other than Linux, Windows and Solaris a mount destination is an absolute path', STATIC),
  r('CFG-MOUNT-DESTINATION-ABSOLUTE-LINUX', 'SHOULD', 'mounts', '1.2.0', 'on Linux a mount destination is absolute; relative ones are deprecated', STATIC, LINUX),
  r('CFG-MOUNT-DESTINATION-RELATIVE-TO-ROOT', 'MUST', 'mounts', '1.2.0', 'on Linux a relative mount destination is taken as relative to the container\'s /', RUNS, LINUX),
  implied(
    'CFG-MOUNT-DESTINATION-IN-CONTAINER',
    'mounts',
    '1.0.0',
    CREATE,
    "a destination is a path inside the container: one that crosses a symlink of the rootfs pointing out of it (absolute, or ../) is resolved inside the root or refused, and nothing is mounted or created outside the root on the host",
    LINUX,
  ),
  r('CFG-MOUNT-DESTINATION-WINDOWS-NOT-NESTED', 'MUST NOT', 'mounts', '1.0.0', 'on Windows no mount destination lies inside another mount destination', STATIC, WINDOWS),
  r('CFG-MOUNT-OPTION-WINDOWS-RO', 'MUST', 'mounts', '1.0.0', "Windows runtimes support the 'ro' option and mount read-only with it", RUNS, WINDOWS),
  r('CFG-MOUNT-OPTION-CUSTOM-LIKE-MOUNT8', 'SHOULD', 'linux-mount-options', '1.1.0', 'a custom option that mount(8) knows behaves as mount(8) defines it', RUNS, LINUX),
  r('CFG-MOUNT-OPTION-UNKNOWN-AS-DATA', 'SHOULD', 'linux-mount-options', '1.1.0', 'unknown options go to mount(2) as filesystem data, comma-separated', RUNS, LINUX),
  r('CFG-MOUNT-UIDMAPPINGS-SETATTR', 'SHOULD', 'posix-platform-mounts', '1.2.0', 'mount uidMappings are applied with mount_setattr(MOUNT_ATTR_IDMAP)', no('which system call applies an id-mapping is not visible from outside the runtime; only the resulting mapping is'), LINUX),
  r('CFG-MOUNT-UIDMAPPINGS-IDMAP-OPTION', 'SHOULD', 'posix-platform-mounts', '1.2.0', "a mount with uidMappings lists 'idmap' or 'ridmap' in its options", STATIC),
  r('CFG-MOUNT-UIDMAPPINGS-WITH-GID', 'MUST', 'posix-platform-mounts', '1.2.0', 'a mount with uidMappings also has gidMappings', STATIC),
  r('CFG-MOUNT-GIDMAPPINGS-SETATTR', 'SHOULD', 'posix-platform-mounts', '1.2.0', 'mount gidMappings are applied with mount_setattr(MOUNT_ATTR_IDMAP)', no('which system call applies an id-mapping is not visible from outside the runtime; only the resulting mapping is'), LINUX),
  r('CFG-MOUNT-GIDMAPPINGS-IDMAP-OPTION', 'SHOULD', 'posix-platform-mounts', '1.2.0', "a mount with gidMappings lists 'idmap' or 'ridmap' in its options", STATIC),
  r('CFG-MOUNT-GIDMAPPINGS-WITH-UID', 'MUST', 'posix-platform-mounts', '1.2.0', 'a mount with gidMappings also has uidMappings', STATIC),
];

/** The Linux mount option table (1.1.0 on; idmap and ridmap from 1.2.0). MAY rows carry no requirement. */
const OPTION_TABLE: ReadonlyArray<readonly [string, 'MUST' | 'SHOULD', string?]> = [
  ['async', 'MUST'], ['atime', 'MUST'], ['bind', 'MUST'], ['defaults', 'MUST'], ['dev', 'MUST'], ['diratime', 'MUST'],
  ['dirsync', 'MUST'], ['exec', 'MUST'], ['iversion', 'MUST'], ['lazytime', 'MUST'], ['loud', 'MUST'], ['noatime', 'MUST'],
  ['nodev', 'MUST'], ['nodiratime', 'MUST'], ['noexec', 'MUST'], ['noiversion', 'MUST'], ['nolazytime', 'MUST'],
  ['norelatime', 'MUST'], ['nostrictatime', 'MUST'], ['nosuid', 'MUST'], ['nosymfollow', 'SHOULD'], ['private', 'MUST'],
  ['ratime', 'SHOULD'], ['rbind', 'MUST'], ['rdev', 'SHOULD'], ['rdiratime', 'SHOULD'], ['relatime', 'MUST'],
  ['remount', 'MUST'], ['rexec', 'SHOULD'], ['rnoatime', 'SHOULD'], ['rnodiratime', 'SHOULD'], ['rnoexec', 'SHOULD'],
  ['rnorelatime', 'SHOULD'], ['rnostrictatime', 'SHOULD'], ['rnosuid', 'SHOULD'], ['rnosymfollow', 'SHOULD'], ['ro', 'MUST'],
  ['rprivate', 'MUST'], ['rrelatime', 'SHOULD'], ['rro', 'SHOULD'], ['rrw', 'SHOULD'], ['rshared', 'MUST'], ['rslave', 'MUST'],
  ['rstrictatime', 'SHOULD'], ['rsuid', 'SHOULD'], ['rsymfollow', 'SHOULD'], ['runbindable', 'MUST'], ['rw', 'MUST'],
  ['shared', 'MUST'], ['silent', 'MUST'], ['slave', 'MUST'], ['strictatime', 'MUST'], ['suid', 'MUST'], ['symfollow', 'SHOULD'],
  ['sync', 'MUST'], ['unbindable', 'MUST'], ['idmap', 'SHOULD', '1.2.0'], ['ridmap', 'SHOULD', '1.2.0'],
];

/** Option names of the Linux table that runtimes must or should implement (for rules and suites). */
export const LINUX_MOUNT_OPTIONS: readonly string[] = [...OPTION_TABLE.map(([o]) => o), 'mand', 'nomand', 'tmpcopyup'];

const OPTION_ROWS: Requirement[] = OPTION_TABLE.map(([opt, kw, since]) =>
  r(
    `CFG-MOUNT-OPTION-${opt.toUpperCase()}`,
    kw,
    'linux-mount-options',
    since ?? '1.1.0',
    `Linux runtimes implement the '${opt}' mount option${kw === 'SHOULD' ? ' (recommended)' : ''}`,
    RUNS,
    LINUX,
  ),
);

/** The sentences inside the idmap and ridmap rows, once per option. */
function idmapRow(opt: 'idmap' | 'ridmap'): Requirement[] {
  const O = opt.toUpperCase();
  const rec = opt === 'ridmap' ? ' (recursively)' : '';
  return [
    r(`CFG-MOUNT-OPTION-${O}-APPLIED`, 'MUST', 'linux-mount-options', '1.2.0', `a mount with '${opt}' gets an id-mapping applied${rec}`, RUNS, LINUX),
    r(`CFG-MOUNT-OPTION-${O}-NOT-PASSED`, 'SHOULD NOT', 'linux-mount-options', '1.2.0', `'${opt}' is consumed by the runtime, not handed to mount(2)`, RUNS, LINUX),
    r(`CFG-MOUNT-OPTION-${O}-USES-MAPPINGS`, 'MUST', 'linux-mount-options', '1.2.0', `with '${opt}' and mount uid/gidMappings, the runtime maps with exactly those`, RUNS, LINUX),
    r(
      `CFG-MOUNT-OPTION-${O}-FALLBACK-ERROR`,
      'MUST',
      'linux-mount-options',
      '1.2.0',
      `with '${opt}' and no mount mappings, the runtime uses the user namespace's mapping or fails`,
      RUNS,
      LINUX,
    ),
    r(
      `CFG-MOUNT-OPTION-${O}-NO-USERNS-ERROR`,
      'MUST',
      'linux-mount-options',
      '1.2.0',
      `'${opt}' without mount mappings and without a user namespace is an error`,
      BOTH,
      LINUX,
    ),
    r(`CFG-MOUNT-OPTION-${O}-SETATTR`, 'SHOULD', 'linux-mount-options', '1.2.0', `'${opt}' is implemented with mount_setattr(MOUNT_ATTR_IDMAP)`, no('which system call applies an id-mapping is not visible from outside the runtime; only the resulting mapping is'), LINUX),
  ];
}

const PROCESS: Requirement[] = [
  r('CFG-PROCESS-REQUIRED-AT-START', 'REQUIRED', 'process', '1.0.0', 'process is present by the time start is called', BOTH),
  r('CFG-PROCESS-CONSOLESIZE-IGNORED', 'MUST', 'process', '1.0.0', 'consoleSize has no effect unless terminal is true', RUNS),
  r('CFG-PROCESS-CONSOLESIZE-HEIGHT-REQUIRED', 'REQUIRED', 'process', '1.0.0', 'consoleSize.height is present (unsigned integer)', STATIC),
  r('CFG-PROCESS-CONSOLESIZE-WIDTH-REQUIRED', 'REQUIRED', 'process', '1.0.0', 'consoleSize.width is present (unsigned integer)', STATIC),
  r('CFG-PROCESS-CWD-REQUIRED', 'REQUIRED', 'process', '1.0.0', 'process.cwd is present and a string', STATIC),
  r('CFG-PROCESS-CWD-ABSOLUTE', 'MUST', 'process', '1.0.0', 'process.cwd is an absolute path', STATIC),
  r('CFG-PROCESS-ARGS-REQUIRED', 'REQUIRED', 'process', '1.0.0', 'process.args is present (every platform up to 1.0.1; all but Windows from 1.0.2)', STATIC),
  r('CFG-PROCESS-ARGS-NONEMPTY', 'REQUIRED', 'process', '1.0.0', 'process.args has at least one entry (not required on Windows from 1.0.2)', STATIC),
  r('CFG-PROCESS-COMMANDLINE-OR-ARGS', 'REQUIRED', 'process', '1.0.2', 'on Windows, process.commandLine is present when args is left out', STATIC, WINDOWS),
  implied('CFG-PROCESS-TERMINAL-ATTACHED', 'process', '1.0.0', START, 'with terminal true, the standard streams of the process are a pseudoterminal'),
  implied('CFG-PROCESS-CONSOLESIZE-APPLIED', 'process', '1.0.0', START, 'with terminal true and consoleSize set, the terminal of the process has that height and width'),
  implied('CFG-PROCESS-CWD-APPLIED', 'process', '1.0.0', START, 'the process starts with cwd as its working directory'),
  implied(
    'CFG-PROCESS-CWD-IN-CONTAINER',
    'process',
    '1.0.0',
    START,
    "the working directory is one inside the container: a cwd such as /proc/self/fd/<n> never leaves the process in a host directory outside its root (CVE-2024-21626)",
    LINUX,
  ),
  implied('CFG-PROCESS-ENV-APPLIED', 'process', '1.0.0', START, 'every env entry is in the environment of the process, with its value'),
  // A reading, not a sentence of the spec: env has environ(7) semantics and the text never forbids additions,
  // so a variable the runtime adds (runc: HOME) is at most a warning (docs/INTERPRETING.md, Readings).
  r('CFG-PROCESS-ENV-NO-ADDITIONS', 'SHOULD', 'process', '1.0.0', 'our reading: the environment of the process holds no variable that env does not give', RUNS),
  implied('CFG-PROCESS-ARGS-APPLIED', 'process', '1.0.0', START, 'the program is args[0], looked up as execvp does, and gets args as its argument vector'),
  r('CFG-RLIMIT-TYPE-REQUIRED', 'REQUIRED', 'posix-process', '1.0.0', 'every rlimit has a type', STATIC),
  r('CFG-RLIMIT-TYPE-MAPPABLE', 'MUST', 'posix-process', '1.0.0', 'an rlimit type the kernel has no limit for is an error', BOTH),
  r('CFG-RLIMIT-GETRLIMIT', 'MUST', 'posix-process', '1.0.0', 'getrlimit on every configured rlimit type succeeds in the container process', RUNS),
  r('CFG-RLIMIT-SOFT-REQUIRED', 'REQUIRED', 'posix-process', '1.0.0', 'every rlimit has soft (uint64)', STATIC),
  r('CFG-RLIMIT-SOFT-MATCH', 'MUST', 'posix-process', '1.0.0', "the process's soft limit equals the configured soft value (so soft can't exceed hard)", BOTH),
  r('CFG-RLIMIT-HARD-REQUIRED', 'REQUIRED', 'posix-process', '1.0.0', 'every rlimit has hard (uint64)', STATIC),
  r('CFG-RLIMIT-HARD-MATCH', 'MUST', 'posix-process', '1.0.0', "the process's hard limit equals the configured hard value", RUNS),
  r('CFG-RLIMIT-UNIQUE-TYPE', 'MUST', 'posix-process', '1.0.0', 'two rlimits with the same type are an error', BOTH),
  r('CFG-CAPABILITIES-UNMAPPABLE-ERROR', 'MUST', 'linux-process', '1.0.0', 'a capability name the kernel does not know is an error', BOTH, { ...LINUX, until: '1.0.2' }),
  r(
    'CFG-CAPABILITIES-UNMAPPABLE-WARN',
    'MUST',
    'linux-process',
    '1.1.0',
    'a capability that is unknown or cannot be granted is logged as a warning by the runtime',
    BOTH,
    LINUX,
  ),
  r('CFG-CAPABILITIES-NO-FAIL', 'SHOULD NOT', 'linux-process', '1.1.0', 'a capability that cannot be granted does not make the runtime fail', RUNS, LINUX),
  implied('CFG-CAPABILITIES-EFFECTIVE-APPLIED', 'linux-process', '1.0.0', START, 'the effective capability set of the process is exactly the capabilities listed in capabilities.effective', LINUX),
  implied('CFG-CAPABILITIES-BOUNDING-APPLIED', 'linux-process', '1.0.0', START, 'the bounding capability set of the process is exactly the capabilities listed in capabilities.bounding', LINUX),
  implied('CFG-CAPABILITIES-INHERITABLE-APPLIED', 'linux-process', '1.0.0', START, 'the inheritable capability set of the process is exactly the capabilities listed in capabilities.inheritable', LINUX),
  implied('CFG-CAPABILITIES-PERMITTED-APPLIED', 'linux-process', '1.0.0', START, 'the permitted capability set of the process is exactly the capabilities listed in capabilities.permitted', LINUX),
  implied('CFG-CAPABILITIES-AMBIENT-APPLIED', 'linux-process', '1.0.0', START, 'the ambient capability set of the process is exactly the capabilities listed in capabilities.ambient', LINUX),
  implied('CFG-NONEWPRIVILEGES-APPLIED', 'linux-process', '1.0.0', START, "with noNewPrivileges true the process runs with no_new_privs set; without it the runtime doesn't set it", LINUX),
  implied('CFG-SCHEDULER-APPLIED', 'linux-process', '1.1.0', START, 'the process runs with the scheduling policy, nice value and priority of process.scheduler', LINUX),
  implied('CFG-IOPRIORITY-APPLIED', 'linux-process', '1.1.0', START, 'the process runs with the I/O scheduling class and priority of process.ioPriority', LINUX),
  r('CFG-OOMSCOREADJ-SET', 'MUST', 'linux-process', '1.0.0', 'with oomScoreAdj set, the process has that oom_score_adj', RUNS, LINUX),
  r('CFG-OOMSCOREADJ-UNSET', 'MUST NOT', 'linux-process', '1.0.0', 'without oomScoreAdj, the runtime leaves oom_score_adj as it was', RUNS, LINUX),
  r('CFG-SCHEDULER-POLICY-REQUIRED', 'REQUIRED', 'linux-process', '1.1.0', 'process.scheduler has a policy', STATIC, LINUX),
  r('CFG-IOPRIORITY-CLASS-REQUIRED', 'REQUIRED', 'linux-process', '1.1.0', 'process.ioPriority has a class', STATIC, LINUX),
  r('CFG-IOPRIORITY-PRIORITY-REQUIRED', 'REQUIRED', 'linux-process', '1.1.0', 'process.ioPriority has a priority', STATIC, LINUX),
  r(
    'CFG-EXECCPUAFFINITY-FINAL-UNCHANGED',
    'SHOULD NOT',
    'linux-process',
    '1.2.1',
    'without a final CPU list, the runtime does not touch the affinity after the move into the cgroup',
    RUNS,
    LINUX,
  ),
  r('CFG-USER-UID-REQUIRED', 'REQUIRED', 'posix-platform-user', '1.0.0', 'process.user has a uid', STATIC),
  r('CFG-USER-GID-REQUIRED', 'REQUIRED', 'posix-platform-user', '1.0.0', 'process.user has a gid', STATIC),
  implied('CFG-USER-UID-APPLIED', 'posix-platform-user', '1.0.0', START, 'the process runs with user.uid as its user id (in the container namespace)'),
  implied('CFG-USER-GID-APPLIED', 'posix-platform-user', '1.0.0', START, 'the process runs with user.gid as its group id (in the container namespace)'),
  implied('CFG-USER-ADDITIONALGIDS-APPLIED', 'posix-platform-user', '1.0.0', START, 'the supplementary groups of the process are the user.additionalGids'),
  implied('CFG-USER-UMASK-APPLIED', 'posix-platform-user', '1.0.2', START, 'the process starts with user.umask as its file mode creation mask'),
];

const NAMES: Requirement[] = [
  implied('CFG-HOSTNAME-APPLIED', 'hostname', '1.0.0', CREATE, 'processes in the container see hostname as the host name (on Linux, of the container UTS namespace)'),
  implied('CFG-DOMAINNAME-APPLIED', 'domainname', '1.1.0', CREATE, 'processes in the container see domainname as the NIS domain name (on Linux, of the container UTS namespace)'),
];

const PLATFORM: Requirement[] = [
  r(
    'CFG-PLATFORM-WINDOWS-SET',
    'MUST',
    'platform-specific-configuration',
    '1.0.0',
    'a config meant for Windows has the windows object',
    no('the target platform is not written in the document, so a missing windows object cannot be told from a config meant for another platform'),
    WINDOWS,
  ),
];

const HOOK_TYPES = [
  // name, anchor of its section, since, where its path resolves, where it runs
  ['prestart', 'prestart', '1.0.0', 'runtime', 'runtime'],
  ['createRuntime', 'createruntime-hooks', '1.0.2', 'runtime', 'runtime'],
  ['createContainer', 'createcontainer-hooks', '1.0.2', 'runtime', 'container'],
  ['startContainer', 'startcontainer-hooks', '1.0.2', 'container', 'container'],
  ['poststart', 'poststart', '1.0.0', 'runtime', 'runtime'],
  ['poststop', 'poststop', '1.0.0', 'runtime', 'runtime'],
] as const;

const HOOK_NAMESPACES: Requirement[] = HOOK_TYPES.flatMap(([name, anchor, , resolve, run]) => [
  r(`CFG-HOOKS-${name.toUpperCase()}-PATH-NAMESPACE`, 'MUST', anchor, '1.0.2', `a ${name} hook's path is looked up in the ${resolve} namespace`, RUNS),
  r(`CFG-HOOKS-${name.toUpperCase()}-RUN-NAMESPACE`, 'MUST', anchor, '1.0.2', `${name} hooks run in the ${run} namespace`, RUNS),
]);

const HOOKS: Requirement[] = [
  r('CFG-HOOK-PATH-REQUIRED', 'REQUIRED', 'posix-platform-hooks', '1.0.0', 'every hook has a path', STATIC),
  r('CFG-HOOK-PATH-ABSOLUTE', 'MUST', 'posix-platform-hooks', '1.0.0', 'a hook path is absolute', STATIC),
  r('CFG-HOOK-TIMEOUT-POSITIVE', 'MUST', 'posix-platform-hooks', '1.0.0', 'a hook timeout, when given, is at least one second', STATIC),
  // Running a hook at all is runtime.md's MUST (the *-INVOKED ids; prestart's stands for every kind, all have it).
  implied('CFG-HOOK-ARGS-PASSED', 'posix-platform-hooks', '1.0.0', 'RT-HOOK-PRESTART-INVOKED', 'a hook runs with its args as the argument vector, as execv takes it'),
  implied('CFG-HOOK-ENV-PASSED', 'posix-platform-hooks', '1.0.0', 'RT-HOOK-PRESTART-INVOKED', 'a hook runs with exactly its env entries as its environment'),
  implied('CFG-HOOK-TIMEOUT-ENFORCED', 'posix-platform-hooks', '1.0.0', 'RT-HOOK-PRESTART-INVOKED', 'a hook still running after its timeout (seconds) is aborted, and so fails'),
  r('CFG-HOOKS-ORDER', 'MUST', 'posix-platform-hooks', '1.0.0', 'hooks of one kind run in the order they are listed', RUNS),
  r('CFG-HOOKS-STATE-STDIN', 'MUST', 'posix-platform-hooks', '1.0.0', 'every hook reads the container state document on its stdin', RUNS),
  ...HOOK_NAMESPACES,
  r('CFG-HOOKS-PRESTART-AT-START', 'MUST', 'prestart', '1.0.0', 'prestart hooks run after start is called and before the user program runs (config.md up to 1.0.2; runtime.md of 1.0.2 already has them within create, so that version contradicts itself)', RUNS, { until: '1.0.2' }),
  r('CFG-HOOKS-PRESTART-AT-CREATE', 'MUST', 'prestart', '1.1.0', 'prestart hooks run during create, once the environment exists and before pivot_root', RUNS),
  r('CFG-HOOKS-PRESTART-BEFORE-CREATERUNTIME', 'MUST', 'prestart', '1.1.0', 'prestart hooks run before the createRuntime hooks', RUNS),
  r(
    'CFG-HOOKS-CREATERUNTIME-AFTER-PRESTART',
    'MUST',
    'createruntime-hooks',
    '1.0.2',
    'a runtime running prestart hooks at create runs createRuntime hooks after them',
    RUNS,
    { until: '1.0.2' },
  ),
  r('CFG-HOOKS-CREATERUNTIME-WHEN', 'MUST', 'createruntime-hooks', '1.0.2', 'createRuntime hooks run during create, once the environment exists and before pivot_root', RUNS),
  r('CFG-HOOKS-CREATECONTAINER-WHEN', 'MUST', 'createcontainer-hooks', '1.0.2', 'createContainer hooks run during create, once the environment exists and before pivot_root', RUNS),
  r('CFG-HOOKS-CREATECONTAINER-AFTER-CREATERUNTIME', 'MUST', 'createcontainer-hooks', '1.0.2', 'createContainer hooks run after the createRuntime hooks', RUNS),
  r('CFG-HOOKS-STARTCONTAINER-WHEN', 'MUST', 'startcontainer-hooks', '1.0.2', 'startContainer hooks run during start, before the user program is executed', RUNS),
  r('CFG-HOOKS-POSTSTART-WHEN', 'MUST', 'poststart', '1.0.0', 'poststart hooks run after the user program started and before start returns', RUNS),
  r('CFG-HOOKS-POSTSTOP-WHEN', 'MUST', 'poststop', '1.0.0', 'poststop hooks run after the container is deleted and before delete returns', RUNS),
];

/** The org.opencontainers.image.* annotation keys that 1.2.0 allows, each with the image-config property its value follows. */
export const OCI_ANNOTATION_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['org.opencontainers.image.os', 'os'],
  ['org.opencontainers.image.os.version', 'os.version'],
  ['org.opencontainers.image.os.features', 'os.features'],
  ['org.opencontainers.image.architecture', 'architecture'],
  ['org.opencontainers.image.variant', 'variant'],
  ['org.opencontainers.image.author', 'author'],
  ['org.opencontainers.image.created', 'created'],
  ['org.opencontainers.image.stopSignal', 'StopSignal'],
];

/** Annotation values we can check against the image-spec property; the others accept any string. */
const CHECKED_VALUES = new Set(['os', 'architecture', 'created', 'StopSignal']);

function annotationKeyId(key: string): string {
  return key.slice('org.opencontainers.image.'.length).replace(/\./g, '-').toUpperCase();
}

const ANNOTATION_TABLE: Requirement[] = OCI_ANNOTATION_KEYS.flatMap(([key, prop]) => [
  r(
    `CFG-ANNOTATION-IMAGE-${annotationKeyId(key)}-VALUE`,
    'MUST',
    'annotations',
    '1.2.0',
    `the value of ${key} is a valid image-config ${prop}`,
    CHECKED_VALUES.has(prop) ? STATIC : no(`the image spec puts no form on ${prop} that a string value could break`),
  ),
  r(
    `CFG-ANNOTATION-IMAGE-${annotationKeyId(key)}-CONVERSION`,
    'SHOULD',
    'annotations',
    '1.2.0',
    `${key} is set only as the image-spec conversion rules say`,
    no('whether a config came from an image conversion is not recorded in the config'),
  ),
]);

const ANNOTATIONS: Requirement[] = [
  r(
    'CFG-ANNOTATION-IMAGE-STOPSIGNAL-SENT',
    'SHOULD',
    'annotations',
    '1.2.0',
    'runtimes stop the container with the signal named by org.opencontainers.image.stopSignal',
    RUNS,
  ),
  r('CFG-ANNOTATIONS-MAP', 'MUST', 'annotations', '1.0.0', 'annotations is an object (a key-value map)', STATIC),
  r('CFG-ANNOTATIONS-KEY-STRING', 'MUST', 'annotations', '1.0.0', 'annotation keys are strings', no('JSON object keys are strings by the grammar, so no parsed document can break it')),
  r('CFG-ANNOTATIONS-KEY-NONEMPTY', 'MUST NOT', 'annotations', '1.0.0', 'no annotation key is the empty string', STATIC),
  r('CFG-ANNOTATIONS-KEY-REVERSE-DOMAIN', 'SHOULD', 'annotations', '1.0.0', 'annotation keys use reverse domain notation (com.example.key)', STATIC),
  r(
    'CFG-ANNOTATIONS-OCI-RESERVED',
    'MUST NOT',
    'annotations',
    '1.0.0',
    'the org.opencontainers key namespace is reserved: later specifications do not use keys there (from 1.2.0: those outside the listed table); a sentence addressed to specifications, not documents',
    STATIC,
  ),
  r('CFG-ANNOTATIONS-OCI-AS-DESCRIBED', 'MUST', 'annotations', '1.2.0', 'an org.opencontainers key is one the spec lists, used as described there', STATIC),
  ...ANNOTATION_TABLE,
  r('CFG-ANNOTATIONS-UNKNOWN-NO-ERROR', 'MUST NOT', 'annotations', '1.0.0', 'an unknown annotation key does not make a consumer fail', RUNS, { until: '1.0.1' }),
  r('CFG-ANNOTATIONS-UNKNOWN-AS-PROPERTY', 'MUST', 'annotations', '1.0.2', 'runtimes treat unknown annotation keys as they treat unknown properties', RUNS),
  r('CFG-ANNOTATIONS-VALUE-STRING', 'MUST', 'annotations', '1.0.0', 'annotation values are strings', STATIC),
];

const GENERAL: Requirement[] = [
  r('CFG-EXTENSIBILITY-NO-ERROR', 'MUST NOT', 'extensibility', '1.0.0', 'an unknown property does not make a runtime fail', RUNS, { until: '1.0.1' }),
  r('CFG-EXTENSIBILITY-IGNORE', 'MUST', 'extensibility', '1.0.0', 'runtimes ignore unknown properties (logging them is allowed from 1.0.2)', BOTH),
  r('CFG-VALID-VALUES-ERROR', 'MUST', 'valid-values', '1.0.0', 'an invalid or unsupported value makes the runtime report an error', BOTH),
];

/** Requirements of runtime-spec config.md. */
export const CONFIG: readonly Requirement[] = [
  ...VERSION,
  ...ROOT,
  ...MOUNTS,
  ...OPTION_ROWS,
  ...idmapRow('idmap'),
  ...idmapRow('ridmap'),
  ...PROCESS,
  ...NAMES,
  ...PLATFORM,
  ...HOOKS,
  ...ANNOTATIONS,
  ...GENERAL,
];
