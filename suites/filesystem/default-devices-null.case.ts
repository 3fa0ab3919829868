import { defaultDeviceCase } from './_lib/dev-nodes.js';

/** /dev/null is supplied: a character device 1:3, and writing to it succeeds. */
export default defaultDeviceCase({ name: 'null', majorMinor: '1:3', use: 'echo x > /dev/null && echo usable', works: 'usable' });
