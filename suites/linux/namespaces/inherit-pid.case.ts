import { inheritNamespaceCase } from './_lib/families.js';

/** With no pid entry the container stays in the pid namespace of the runtime (ours, since we started the runtime). */
export default inheritNamespaceCase('pid');
