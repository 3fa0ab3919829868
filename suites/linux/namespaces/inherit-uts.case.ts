import { inheritNamespaceCase } from './_lib/families.js';

/** With no uts entry the container stays in the uts namespace of the runtime (ours, since we started the runtime). */
export default inheritNamespaceCase('uts');
