import { defaultDeviceCase } from './_lib/dev-nodes.js';

/** /dev/random is supplied: a character device 1:8, and reading 4 bytes gives 4. */
export default defaultDeviceCase({ name: 'random', majorMinor: '1:8', use: 'head -c 4 /dev/random | wc -c', works: '4' });
