import { killActionCase } from './_lib/kill-action.js';

/** SCMP_ACT_KILL_THREAD on mkdir/mkdirat: the mkdir process dies of SIGSYS (exit status 159 = 128 + 31 in the shell) and makes nothing; the shell that ran it lives on. */
export default killActionCase('kill-thread', 'SCMP_ACT_KILL_THREAD', 'LNX-SECCOMP-ACTION-KILL-THREAD');
