import { createNamespaceCase } from './_lib/families.js';

/** A time entry without a path gives the container a new time namespace: /proc/<pid>/ns differs from ours. */
export default createNamespaceCase('time', ['LNX-NS-TIME-TYPE']);
