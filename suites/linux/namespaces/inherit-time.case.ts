import { inheritNamespaceCase } from './_lib/families.js';

/** With no time entry the container stays in the time namespace of the runtime (ours, since we started the runtime). */
export default inheritNamespaceCase('time', ['LNX-NS-TIME-TYPE']);
