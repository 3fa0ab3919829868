import { createNamespaceCase } from './_lib/families.js';

/** A cgroup entry without a path gives the container a new cgroup namespace: /proc/<pid>/ns differs from ours. */
export default createNamespaceCase('cgroup');
