import { throttleCase } from './_throttle.js';

/** blockIO.throttleWriteBpsDevice 5242880 for the host's disk: see _throttle.ts. */
export default throttleCase('throttleWriteBpsDevice', 'throttle-write-bps', 5242880);
