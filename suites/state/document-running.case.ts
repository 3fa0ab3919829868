import { stateDocumentCase } from './_lib/document.js';

/** The state document of a running container is valid (our validator, kind state) with our id, bundle and status. While the program runs: status running, with the pid of the program. */
export default stateDocumentCase('running');
