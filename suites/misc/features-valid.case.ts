import { defineCase } from '../case.js';
import { validateDocument } from '../../validators/document.js';
import { readFeatures } from './_lib/features.js';

const CITED = new Set(['FEAT-OCIVERSIONMIN-REQUIRED', 'FEAT-OCIVERSIONMAX-REQUIRED', 'FEAT-OCIVERSIONMAX-NOT-BELOW-MIN', 'FEAT-NO-UNDEFINED-PROPERTIES', 'FEAT-ANNOTATIONS-FORMAT']);

/**
 * `features` prints a valid features document: our own validator (the one
 * behind oci-validate) finds no error in it. Each error is charged to the
 * requirement it breaks when that is one of ours here, else to the first.
 */
export default defineCase({
  id: 'misc.features.valid',
  title: 'the features document passes oci-validate with no error',
  requirements: ['FEAT-OCIVERSIONMIN-REQUIRED', 'FEAT-OCIVERSIONMAX-REQUIRED', 'FEAT-OCIVERSIONMAX-NOT-BELOW-MIN', 'FEAT-NO-UNDEFINED-PROPERTIES', 'FEAT-ANNOTATIONS-FORMAT'],
  needs: ['runtime-features'],
  run: async (ctx) => {
    const { call } = await readFeatures(ctx);
    const res = await validateDocument('features (stdout)', call.stdout, { kind: 'features' });
    ctx.note(`validated as a features document of runtime-spec ${res.version ?? '?'}`);
    for (const d of res.diagnostics.filter((x) => x.severity === 'error')) {
      const req = d.requirement && CITED.has(d.requirement) ? (d.requirement as 'FEAT-OCIVERSIONMIN-REQUIRED') : 'FEAT-OCIVERSIONMIN-REQUIRED';
      ctx.expect(req, false, { message: `${d.rule} at ${d.pointer || '/'} (${d.line}:${d.column}): ${d.message}`, actual: d.params });
    }
  },
});
