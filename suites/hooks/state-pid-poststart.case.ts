import { pidCase } from './_lib/pid-case.js';

/** The pid a poststart hook reads in the state on stdin: see _lib/pid-case.ts. */
export default pidCase('poststart', 'poststart');
