import { joinNamespaceCase } from './_lib/families.js';

/** A pid entry with a path joins that namespace: a second container names /proc/<first pid>/ns/pid and ends up in it. */
export default joinNamespaceCase('pid');
