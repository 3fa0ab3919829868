import { noIdCase } from '../_lib/id-errors.js';

/** `state` with no container ID must fail. */
export default noIdCase('state', 'RT-QUERY-STATE-NO-ID-ERROR');
