import { hookFailureCase } from './_lib/failure-case.js';

/** A createRuntime hook that exits 1: create must fail, the container must be stopped or destroyed, and the user program must never run. */
export default hookFailureCase({ kind: 'createRuntime', slug: 'create-runtime', requirement: 'RT-HOOK-CREATERUNTIME-FAIL-ERROR', step: 'create', hook: { rc: 1 } });
