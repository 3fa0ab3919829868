import { defineCase } from '../case.js';
import { readFeatures } from './_lib/features.js';
import { setBundleOciVersion } from './_lib/oci-version.js';

/** A config whose ociVersion is the ociVersionMin that features reports is accepted: it is created and runs. */
export default defineCase({
  id: 'misc.features.oci-version-min-accepted',
  title: 'a config at the ociVersionMin of features runs',
  requirements: ['FEAT-OCIVERSIONMIN-ACCEPTED'],
  needs: ['root', 'runtime-features'],
  config: (c) => c.withScript('echo ran'),
  run: async (ctx) => {
    const { doc } = await readFeatures(ctx);
    if (typeof doc.ociVersionMin !== 'string') return ctx.skip('features has no ociVersionMin string (the features-valid case reports that)');
    await setBundleOciVersion(ctx.bundle, doc.ociVersionMin);
    ctx.note(`config.json ociVersion rewritten to ${doc.ociVersionMin} before create`);
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('FEAT-OCIVERSIONMIN-ACCEPTED', `stdout of a ${doc.ociVersionMin} container`, 'ran\n', stdout);
  },
});
