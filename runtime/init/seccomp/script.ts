/**
 * What the container init needs of seccomp, as a script of its own: dist/oci-ts-runtime-init-seccomp.js
 * (scripts/build.ts), which the init (runtime/init/main.ts) runs only for a config with linux.seccomp. The compiler
 * and the syscall tables are a third of the init's code: a container without a filter does not load them.
 */
export { seccompAsOf } from './check.js';
export { compileSeccomp } from './compile.js';
export { installSeccomp, sendListener } from './install.js';
