import { defineCase, validateDocument } from '../case.js';
import { readFeatures } from './_lib/features.js';

/** The features document's own requirements, checked here on the runtime's real output (and statically by oci-validate). */
const DOCUMENT = ['FEAT-OCIVERSIONMIN-REQUIRED', 'FEAT-OCIVERSIONMAX-REQUIRED', 'FEAT-OCIVERSIONMAX-NOT-BELOW-MIN', 'FEAT-NO-UNDEFINED-PROPERTIES', 'FEAT-ANNOTATIONS-FORMAT'] as const;
type DocumentReq = (typeof DOCUMENT)[number];

function isDocumentReq(id: string | undefined): id is DocumentReq {
  return (DOCUMENT as readonly (string | undefined)[]).includes(id);
}

/**
 * `features` prints a valid features document: our own validator (the one
 * behind oci-validate) finds no error in it. An error is charged to the
 * requirement the validator names when it is one of the document's own
 * (ociVersionMin/Max present and ordered, no undefined property, annotations
 * well formed); any other error (a schema shape the catalogue ties to no
 * FEAT- id) to FEAT-OCIVERSIONMIN-ACCEPTED, the version claim a runtime must
 * stand by.
 */
export default defineCase({
  id: 'misc.features.valid',
  title: 'the features document passes oci-validate with no error',
  requirements: [...DOCUMENT, 'FEAT-OCIVERSIONMIN-ACCEPTED'],
  needs: ['runtime-features'],
  run: async (ctx) => {
    const { call } = await readFeatures(ctx);
    const res = await validateDocument('features (stdout)', call.stdout, { kind: 'features' });
    ctx.note(`validated as a features document of runtime-spec ${res.version ?? '?'}`);
    for (const d of res.diagnostics.filter((x) => x.severity === 'error')) {
      ctx.expect(isDocumentReq(d.requirement) ? d.requirement : 'FEAT-OCIVERSIONMIN-ACCEPTED', false, {
        message: `${d.requirement ?? d.rule} broken at ${d.pointer || '/'} (${d.line}:${d.column}): ${d.message}`,
        actual: d.params,
      });
    }
  },
});
