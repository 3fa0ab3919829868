import { createNamespaceCase } from './_lib/families.js';

/** A user entry without a path gives the container a new user namespace: /proc/<pid>/ns differs from ours. */
export default createNamespaceCase('user');
