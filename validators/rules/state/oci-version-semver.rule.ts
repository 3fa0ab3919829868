/**
 * The ociVersion of a state document is a SemVer 2.0.0 version (the schema
 * only knows it is a string) of a runtime spec that exists: only major 1 has
 * been released, so any other major is an error, as for a config's ociVersion
 * (docs/INTERPRETING.md, "Unknown versions").
 */
import { defineRule } from '../rule.js';
import { asString, prop } from '../../json/values.js';
import { parseSemVer } from '../../../spec/versions.js';

export default defineRule({
  id: 'state.oci-version-semver',
  requirements: ['RT-STATE-OCIVERSION-REQUIRED'],
  appliesTo: ['state'],
  *check(doc) {
    const v = asString(prop(doc, 'ociVersion'));
    if (v === undefined) return;
    const sv = parseSemVer(v);
    if (sv && sv.major !== 1)
      yield {
        pointer: '/ociVersion',
        message: `ociVersion ${JSON.stringify(v)} is of major version ${sv.major}; the runtime spec has released only 1.x`,
        params: { value: v, major: sv.major },
      };
    if (sv) return;
    yield {
      pointer: '/ociVersion',
      message: `ociVersion ${JSON.stringify(v)} is not a runtime-spec version in SemVer 2.0.0 form (e.g. "1.2.0")`,
      params: { value: v },
    };
  },
});
