import { defaultDeviceCase } from './_lib/dev-nodes.js';

/** /dev/zero is supplied: a character device 1:5, and reading 4 bytes gives 4. */
export default defaultDeviceCase({ name: 'zero', majorMinor: '1:5', use: 'head -c 4 /dev/zero | wc -c', works: '4' });
