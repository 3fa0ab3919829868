import { unknownIdCase } from '../_lib/id-errors.js';

/** A container that does not exist is neither created nor running: kill of an unknown ID must fail. */
export default unknownIdCase('kill', 'RT-KILL-NOT-RUNNING-ERROR');
