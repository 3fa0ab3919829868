/**
 * ociVersionMin and ociVersionMax are SemVer 2.0.0 versions (a config's
 * ociVersion must be able to hold them) of a runtime spec that exists: a major
 * other than 1 is an error, as for a config's ociVersion (docs/INTERPRETING.md,
 * "Unknown versions").
 */
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
    const out: RuleFinding<(typeof FIELDS)[number][1]>[] = [];
    for (const [field, requirement] of FIELDS) {
      const v = asString(prop(doc, field));
      if (v === undefined) continue;
      const sv = parseSemVer(v);
      if (sv && sv.major !== 1)
        out.push({
          pointer: `/${field}`,
          requirement,
          message: `${field} ${JSON.stringify(v)} is of major version ${sv.major}; the runtime spec has released only 1.x`,
          params: { value: v, major: sv.major },
        });
      if (sv) continue;
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
