import { stdinCase } from './_lib/stdin-case.js';

/** The state a startContainer hook reads on stdin: see _lib/stdin-case.ts. */
export default stdinCase('startContainer', 'start-container');
