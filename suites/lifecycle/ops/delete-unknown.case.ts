import { unknownIdCase } from '../_lib/id-errors.js';

/** A container that does not exist is not stopped: delete of an unknown ID must fail. */
export default unknownIdCase('delete', 'RT-DELETE-NOT-STOPPED-ERROR');
