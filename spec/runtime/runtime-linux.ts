import type { Requirement } from '../types.js';

/** Requirements of runtime-spec runtime-linux.md. */
export const RUNTIME_LINUX: readonly Requirement[] = [
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
