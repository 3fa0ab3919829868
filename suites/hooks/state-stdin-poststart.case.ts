import { stdinCase } from './_lib/stdin-case.js';

/** The state a poststart hook reads on stdin: see _lib/stdin-case.ts. */
export default stdinCase('poststart', 'poststart');
