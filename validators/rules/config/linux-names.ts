/** Names the Linux kernel knows, for the config rules (not a rule itself). */

export { LINUX_CAPABILITIES } from '../../../spec/linux.js';

/** getrlimit(2) resources on Linux. */
export const LINUX_RLIMITS: readonly string[] = [
  'RLIMIT_AS', 'RLIMIT_CORE', 'RLIMIT_CPU', 'RLIMIT_DATA', 'RLIMIT_FSIZE', 'RLIMIT_LOCKS', 'RLIMIT_MEMLOCK',
  'RLIMIT_MSGQUEUE', 'RLIMIT_NICE', 'RLIMIT_NOFILE', 'RLIMIT_NPROC', 'RLIMIT_RSS', 'RLIMIT_RTPRIO', 'RLIMIT_RTTIME',
  'RLIMIT_SIGPENDING', 'RLIMIT_STACK',
];

/** getrlimit(3) resources of POSIX, plus Solaris' RLIMIT_VMEM. */
export const SOLARIS_RLIMITS: readonly string[] = [
  'RLIMIT_AS', 'RLIMIT_CORE', 'RLIMIT_CPU', 'RLIMIT_DATA', 'RLIMIT_FSIZE', 'RLIMIT_NOFILE', 'RLIMIT_STACK', 'RLIMIT_VMEM',
];
