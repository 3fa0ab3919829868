import { inheritNamespaceCase } from './_lib/families.js';

/** With no cgroup entry the container stays in the cgroup namespace of the runtime (ours, since we started the runtime). */
export default inheritNamespaceCase('cgroup');
