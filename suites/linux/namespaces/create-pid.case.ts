import { createNamespaceCase } from './_lib/families.js';

/** A pid entry without a path gives the container a new pid namespace: /proc/<pid>/ns differs from ours. */
export default createNamespaceCase('pid');
