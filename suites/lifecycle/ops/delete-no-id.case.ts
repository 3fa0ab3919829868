import { noIdCase } from '../_lib/id-errors.js';

/** `delete` with no container ID must fail. */
export default noIdCase('delete', 'RT-DELETE-NO-ID-ERROR');
