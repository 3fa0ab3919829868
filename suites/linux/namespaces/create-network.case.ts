import { createNamespaceCase } from './_lib/families.js';

/** A network entry without a path gives the container a new network namespace: /proc/<pid>/ns differs from ours. */
export default createNamespaceCase('network');
