/** ociVersionMax is not below ociVersionMin (SemVer precedence, prerelease included). */
import { defineRule } from '../rule.js';
import { asString, prop } from '../../json/values.js';
import { compareVersions, parseSemVer } from '../../../spec/versions.js';

export default defineRule({
  id: 'features.oci-version-order',
  requirements: ['FEAT-OCIVERSIONMAX-NOT-BELOW-MIN'],
  appliesTo: ['features'],
  *check(doc) {
    const min = asString(prop(doc, 'ociVersionMin'));
    const max = asString(prop(doc, 'ociVersionMax'));
    if (min === undefined || max === undefined || !parseSemVer(min) || !parseSemVer(max)) return;
    if (compareVersions(max, min) >= 0) return;
    yield {
      pointer: '/ociVersionMax',
      message: `ociVersionMax ${JSON.stringify(max)} is lower than ociVersionMin ${JSON.stringify(min)}`,
      params: { min, max },
    };
  },
});
