import { defaultDeviceCase } from './_lib/dev-nodes.js';

/** /dev/full is supplied: a character device 1:7, and a write fails (no space). */
export default defaultDeviceCase({ name: 'full', majorMinor: '1:7', use: 'if echo x > /dev/full 2>/dev/null; then echo wrote; else echo full; fi', works: 'full' });
