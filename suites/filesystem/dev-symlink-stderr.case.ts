import { devSymlinkCase } from './_lib/dev-nodes.js';

/** /dev/stderr is a symbolic link to /proc/self/fd/2 (made during create, since the target exists once /proc is mounted). */
export default devSymlinkCase('stderr', '/proc/self/fd/2');
