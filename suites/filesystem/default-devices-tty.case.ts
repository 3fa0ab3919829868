import { defaultDeviceCase } from './_lib/dev-nodes.js';

/** /dev/tty is supplied: a character device 5:0, and it exists (opening it needs a controlling terminal). */
export default defaultDeviceCase({ name: 'tty', majorMinor: '5:0', use: 'echo -', works: '-' });
