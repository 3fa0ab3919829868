import { joinNamespaceCase } from './_lib/families.js';

/** A time entry with a path joins that namespace: a second container names /proc/<first pid>/ns/time and ends up in it. */
export default joinNamespaceCase('time', ['LNX-NS-TIME-TYPE']);
