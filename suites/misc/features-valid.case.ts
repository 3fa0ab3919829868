import { defineCase } from '../case.js';
import { validateDocument } from '../../validators/document.js';
import { readFeatures } from './_lib/features.js';

/**
 * `features` prints a valid features document: our own validator (the one
 * behind oci-validate) finds no error in it. The document's own
 * requirements (FEAT-OCIVERSIONMIN-REQUIRED, ...) are catalogued as static
 * only, which a case may not cite, so every error is charged to
 * FEAT-OCIVERSIONMIN-ACCEPTED (the version claims a runtime must stand by)
 * and names the requirement the validator found broken.
 */
export default defineCase({
  id: 'misc.features.valid',
  title: 'the features document passes oci-validate with no error',
  requirements: ['FEAT-OCIVERSIONMIN-ACCEPTED'],
  needs: ['runtime-features'],
  run: async (ctx) => {
    const { call } = await readFeatures(ctx);
    const res = await validateDocument('features (stdout)', call.stdout, { kind: 'features' });
    ctx.note(`validated as a features document of runtime-spec ${res.version ?? '?'}`);
    for (const d of res.diagnostics.filter((x) => x.severity === 'error')) {
      ctx.expect('FEAT-OCIVERSIONMIN-ACCEPTED', false, {
        message: `${d.requirement ?? d.rule} broken at ${d.pointer || '/'} (${d.line}:${d.column}): ${d.message}`,
        actual: d.params,
      });
    }
  },
});
