import { joinNamespaceCase } from './_lib/families.js';

/** A network entry with a path joins that namespace: a second container names /proc/<first pid>/ns/net and ends up in it. */
export default joinNamespaceCase('network');
