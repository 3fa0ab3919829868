import { joinNamespaceCase } from './_lib/families.js';

/** A cgroup entry with a path joins that namespace: a second container names /proc/<first pid>/ns/cgroup and ends up in it. */
export default joinNamespaceCase('cgroup');
