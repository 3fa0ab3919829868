import { ociVersionBoundCase } from './_lib/oci-version.js';

/** A config whose ociVersion is the ociVersionMin that features reports is accepted: it is created and runs. */
export default ociVersionBoundCase('min', 'FEAT-OCIVERSIONMIN-ACCEPTED');
