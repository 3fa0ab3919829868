import { createNamespaceCase } from './_lib/families.js';

/** A ipc entry without a path gives the container a new ipc namespace: /proc/<pid>/ns differs from ours. */
export default createNamespaceCase('ipc');
