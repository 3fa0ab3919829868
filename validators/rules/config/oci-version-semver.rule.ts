/** ociVersion must be a SemVer 2.0.0 string (the schema only knows it is a string). */
import { defineRule } from '../rule.js';
import { asString, prop } from '../../json/values.js';
import { parseSemVer } from '../../../spec/versions.js';

export default defineRule({
  id: 'config.oci-version.semver',
  requirements: ['CFG-OCIVERSION-SEMVER'],
  appliesTo: ['config'],
  *check(doc) {
    const v = asString(prop(doc, 'ociVersion'));
    if (v === undefined || parseSemVer(v)) return;
    yield {
      pointer: '/ociVersion',
      message: `ociVersion ${JSON.stringify(v)} is not a SemVer 2.0.0 version (MAJOR.MINOR.PATCH, e.g. "1.2.0")`,
      params: { value: v },
    };
  },
});
