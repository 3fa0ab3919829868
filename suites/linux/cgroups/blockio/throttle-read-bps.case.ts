import { throttleCase } from './_throttle.js';

/** blockIO.throttleReadBpsDevice 10485760 for the host's disk: see _throttle.ts. */
export default throttleCase('throttleReadBpsDevice', 'throttle-read-bps', 10485760);
