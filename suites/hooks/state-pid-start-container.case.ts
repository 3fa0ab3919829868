import { pidCase } from './_lib/pid-case.js';

/** The pid a startContainer hook reads in the state on stdin: see _lib/pid-case.ts. */
export default pidCase('startContainer', 'start-container');
