import { noIdCase } from '../_lib/id-errors.js';

/** `kill` with no container ID must fail. */
export default noIdCase('kill', 'RT-KILL-NO-ID-ERROR');
