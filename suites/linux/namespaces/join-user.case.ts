import { joinNamespaceCase } from './_lib/families.js';

/** A user entry with a path joins that namespace: a second container names /proc/<first pid>/ns/user and ends up in it. */
export default joinNamespaceCase('user');
