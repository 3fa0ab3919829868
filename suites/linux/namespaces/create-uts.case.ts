import { createNamespaceCase } from './_lib/families.js';

/** A uts entry without a path gives the container a new uts namespace: /proc/<pid>/ns differs from ours. */
export default createNamespaceCase('uts');
