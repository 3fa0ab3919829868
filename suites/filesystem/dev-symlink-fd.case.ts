import { devSymlinkCase } from './_lib/dev-nodes.js';

/** /dev/fd is a symbolic link to /proc/self/fd (made during create, since the target exists once /proc is mounted). */
export default devSymlinkCase('fd', '/proc/self/fd');
