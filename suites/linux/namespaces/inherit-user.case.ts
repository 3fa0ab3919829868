import { inheritNamespaceCase } from './_lib/families.js';

/** With no user entry the container stays in the user namespace of the runtime (ours, since we started the runtime). */
export default inheritNamespaceCase('user');
