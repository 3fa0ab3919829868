/**
 * Seccomp for oci-ts-runtime: linux.seccomp checked (checkSeccomp, in create),
 * compiled into classic BPF (compileSeccomp), loaded on the thread that will
 * execve (installSeccomp) and its notify descriptor handed to the listener
 * (sendListener). No libseccomp: syscall numbers come from syscalls.ts.
 */
export { checkSeccomp, seccompAsOf } from './check.js';
export { compileSeccomp, type CompiledSeccomp } from './compile.js';
export { installSeccomp, processState, sendListener } from './install.js';
