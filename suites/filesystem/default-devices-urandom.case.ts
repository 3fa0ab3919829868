import { defaultDeviceCase } from './_lib/dev-nodes.js';

/** /dev/urandom is supplied: a character device 1:9, and reading 4 bytes gives 4. */
export default defaultDeviceCase({ name: 'urandom', majorMinor: '1:9', use: 'head -c 4 /dev/urandom | wc -c', works: '4' });
