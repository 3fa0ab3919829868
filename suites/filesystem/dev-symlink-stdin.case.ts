import { devSymlinkCase } from './_lib/dev-nodes.js';

/** /dev/stdin is a symbolic link to /proc/self/fd/0 (made during create, since the target exists once /proc is mounted). */
export default devSymlinkCase('stdin', '/proc/self/fd/0');
