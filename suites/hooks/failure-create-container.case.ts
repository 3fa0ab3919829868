import { hookFailureCase } from './_lib/failure-case.js';

/** A createContainer hook that exits 1: create must fail, the container must be stopped or destroyed, and the user program must never run. */
export default hookFailureCase({ kind: 'createContainer', slug: 'create-container', requirement: 'RT-HOOK-CREATECONTAINER-FAIL-ERROR', step: 'create', hook: { rc: 1 } });
