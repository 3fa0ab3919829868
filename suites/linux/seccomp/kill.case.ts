import { killActionCase } from './_lib/kill-action.js';

/** SCMP_ACT_KILL on mkdir/mkdirat: the mkdir process dies of SIGSYS (exit status 159 = 128 + 31 in the shell) and makes nothing; the shell that ran it lives on. */
export default killActionCase('kill', 'SCMP_ACT_KILL', 'LNX-SECCOMP-FILTER-APPLIED');
