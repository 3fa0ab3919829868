import { pidCase } from './_lib/pid-case.js';

/** The pid a createRuntime hook reads in the state on stdin: see _lib/pid-case.ts. */
export default pidCase('createRuntime', 'create-runtime');
