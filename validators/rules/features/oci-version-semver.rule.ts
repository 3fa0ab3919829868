/** ociVersionMin and ociVersionMax are SemVer 2.0.0 versions: a config's ociVersion must be able to hold them. */
import { defineRule } from '../rule.js';
import type { RuleFinding } from '../rule.js';
import { asString, prop } from '../../json/values.js';
import { parseSemVer } from '../../../spec/versions.js';

const FIELDS = [
  ['ociVersionMin', 'FEAT-OCIVERSIONMIN-REQUIRED'],
  ['ociVersionMax', 'FEAT-OCIVERSIONMAX-REQUIRED'],
] as const;

export default defineRule({
  id: 'features.oci-version-semver',
  requirements: FIELDS.map(([, r]) => r),
  appliesTo: ['features'],
  *check(doc) {
    const out: RuleFinding[] = [];
    for (const [field, requirement] of FIELDS) {
      const v = asString(prop(doc, field));
      if (v === undefined || parseSemVer(v)) continue;
      out.push({
        pointer: `/${field}`,
        requirement,
        message: `${field} ${JSON.stringify(v)} is not a runtime-spec version in SemVer 2.0.0 form (e.g. "1.1.0")`,
        params: { value: v },
      });
    }
    yield* out;
  },
});
