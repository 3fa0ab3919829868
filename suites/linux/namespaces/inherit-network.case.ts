import { inheritNamespaceCase } from './_lib/families.js';

/** With no network entry the container stays in the network namespace of the runtime (ours, since we started the runtime). */
export default inheritNamespaceCase('network');
