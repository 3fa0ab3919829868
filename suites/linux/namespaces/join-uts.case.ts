import { joinNamespaceCase } from './_lib/families.js';

/** A uts entry with a path joins that namespace: a second container names /proc/<first pid>/ns/uts and ends up in it. */
export default joinNamespaceCase('uts');
