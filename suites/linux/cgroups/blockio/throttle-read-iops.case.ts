import { throttleCase } from './_throttle.js';

/** blockIO.throttleReadIOPSDevice 1000 for the host's disk: see _throttle.ts. */
export default throttleCase('throttleReadIOPSDevice', 'throttle-read-iops', 1000);
