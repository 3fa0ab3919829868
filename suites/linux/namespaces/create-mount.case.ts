import { createNamespaceCase } from './_lib/families.js';

/** A mount entry without a path gives the container a new mount namespace: /proc/<pid>/ns differs from ours. */
export default createNamespaceCase('mount');
