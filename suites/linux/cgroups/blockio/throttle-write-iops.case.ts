import { throttleCase } from './_throttle.js';

/** blockIO.throttleWriteIOPSDevice 500 for the host's disk: see _throttle.ts. */
export default throttleCase('throttleWriteIOPSDevice', 'throttle-write-iops', 500);
