/**
 * What only `create`, `run` and `features` need, as a script of its own: dist/oci-ts-runtime-create.js
 * (scripts/build.ts), which main.ts loads for those commands. create and everything only it needs (namespaces, the
 * checks of the process, the rootfs and seccomp, the seccomp syscall tables, cgroups creation and resources, the libc
 * calls of them) are most of the command line, and `state`, `start`, `kill` and `delete`, the commands run most, need
 * none of it: dist/oci-ts-runtime.js holds them without it.
 *
 * The two scripts share no module: each holds its own copy of what both import (store.ts, libc.ts, hooks.ts), so an
 * error class crosses between them only by a mark (store.ts RuntimeError), and create gets the main script's Store.
 */
export { create } from './create.js';
export { cleanUpInPlace, createInPlace } from './create-in-place.js';
export { features } from './features.js';
