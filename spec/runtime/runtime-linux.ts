import type { Requirement } from '../types.js';

/** Requirements of runtime-spec runtime-linux.md. */
export const RUNTIME_LINUX: readonly Requirement[] = [
  {
    // "By default, only the stdin, stdout and stderr file descriptors are kept open for the application by the
    // runtime": no keyword of its own; start running the process as configured makes it binding.
    id: 'RTL-FDS-STDIO-ONLY',
    spec: 'runtime-spec',
    keyword: 'IMPLIED',
    basis: 'RT-START-RUNS-PROCESS',
    doc: 'runtime-linux.md',
    anchor: 'file-descriptors',
    since: '1.0.0',
    summary: 'Unless more are asked for (e.g. for socket activation), the process starts with only stdin, stdout and stderr open: no descriptor of the runtime (a host directory, a pipe, a socket) reaches it.',
    check: { by: 'behavioural' },
    platforms: ['linux'],
  },
  {
    id: 'RTL-DEV-SYMLINKS',
    spec: 'runtime-spec',
    keyword: 'MUST',
    doc: 'runtime-linux.md',
    anchor: 'dev-symbolic-links',
    since: '1.0.0',
    summary: 'During create the runtime makes /dev/fd, /dev/stdin, /dev/stdout and /dev/stderr links to /proc/self/fd (and fd 0, 1, 2) when the target exists after the mounts.',
    check: { by: 'behavioural' },
    platforms: ['linux'],
  },
];
