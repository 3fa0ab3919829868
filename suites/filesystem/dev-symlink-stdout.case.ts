import { devSymlinkCase } from './_lib/dev-nodes.js';

/** /dev/stdout is a symbolic link to /proc/self/fd/1 (made during create, since the target exists once /proc is mounted). */
export default devSymlinkCase('stdout', '/proc/self/fd/1');
