import { unknownIdCase } from '../_lib/id-errors.js';

/** A container that does not exist is not `created`: start of an unknown ID must fail. */
export default unknownIdCase('start', 'RT-START-NOT-CREATED-ERROR');
