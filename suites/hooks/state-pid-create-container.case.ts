import { pidCase } from './_lib/pid-case.js';

/** The pid a createContainer hook reads in the state on stdin: see _lib/pid-case.ts. */
export default pidCase('createContainer', 'create-container');
