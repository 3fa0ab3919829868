import { stateDocumentCase } from './_lib/document.js';

/** The state document of a created container is valid (our validator, kind state) with our id, bundle and status. After create: status created, with the pid of the waiting container process. */
export default stateDocumentCase('created');
