import { defineCase } from '../case.js';
import { readFeatures } from './_lib/features.js';
import { setBundleOciVersion } from './_lib/oci-version.js';

/** A config whose ociVersion is the ociVersionMax that features reports is accepted: it is created and runs. */
export default defineCase({
  id: 'misc.features.oci-version-max-accepted',
  title: 'a config at the ociVersionMax of features runs',
  requirements: ['FEAT-OCIVERSIONMAX-ACCEPTED'],
  needs: ['root', 'runtime-features'],
  config: (c) => c.withScript('echo ran'),
  run: async (ctx) => {
    const { doc } = await readFeatures(ctx);
    if (typeof doc.ociVersionMax !== 'string') return ctx.skip('features has no ociVersionMax string (the features-valid case reports that)');
    await setBundleOciVersion(ctx.bundle, doc.ociVersionMax);
    ctx.note(`config.json ociVersion rewritten to ${doc.ociVersionMax} before create`);
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('FEAT-OCIVERSIONMAX-ACCEPTED', `stdout of a ${doc.ociVersionMax} container`, 'ran\n', stdout);
  },
});
