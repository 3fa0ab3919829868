import { noIdCase } from '../_lib/id-errors.js';

/** `start` with no container ID must fail. */
export default noIdCase('start', 'RT-START-NO-ID-ERROR');
