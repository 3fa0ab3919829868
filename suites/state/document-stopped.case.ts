import { stateDocumentCase } from './_lib/document.js';

/** The state document of a stopped container is valid (our validator, kind state) with our id, bundle and status. After the program exited: status stopped (pid no longer required). */
export default stateDocumentCase('stopped');
