import { unknownIdCase } from '../_lib/id-errors.js';

/** `state` of an ID that names no container must fail. */
export default unknownIdCase('state', 'RT-QUERY-STATE-NONEXISTENT-ERROR');
