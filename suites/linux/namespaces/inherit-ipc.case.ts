import { inheritNamespaceCase } from './_lib/families.js';

/** With no ipc entry the container stays in the ipc namespace of the runtime (ours, since we started the runtime). */
export default inheritNamespaceCase('ipc');
