import { hookFailureCase } from './_lib/failure-case.js';

/** A startContainer hook that exits 1: start must fail, the container must be stopped or destroyed, and the user program must never run. */
export default hookFailureCase({ kind: 'startContainer', slug: 'start-container', requirement: 'RT-HOOK-STARTCONTAINER-FAIL-ERROR', step: 'start', hook: { rc: 1, inContainer: true } });
