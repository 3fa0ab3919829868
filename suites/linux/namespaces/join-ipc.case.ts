import { joinNamespaceCase } from './_lib/families.js';

/** A ipc entry with a path joins that namespace: a second container names /proc/<first pid>/ns/ipc and ends up in it. */
export default joinNamespaceCase('ipc');
