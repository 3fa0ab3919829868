/**
 * ociVersion must name a runtime-spec version. Only major 1 exists: any other
 * major (0.x drafts, 2.x) is a spec we can't validate against and no runtime
 * of 1.x will accept. A 1.x newer than the latest we know gets a hint.
 */
import { defineRule } from '../rule.js';
import { asString, prop } from '../../json/values.js';
import { LATEST_RUNTIME_SPEC, compareVersions, parseSemVer } from '../../../spec/versions.js';

export default defineRule({
  id: 'config.oci-version.known',
  requirements: ['CFG-OCIVERSION-SPEC-VERSION'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    const v = asString(prop(doc, 'ociVersion'));
    const sv = v === undefined ? undefined : parseSemVer(v);
    if (v === undefined || !sv) return; // config.oci-version.semver reports it
    if (sv.major !== 1) {
      yield {
        pointer: '/ociVersion',
        message: `ociVersion ${JSON.stringify(v)} is of major version ${sv.major}; the runtime spec has released only 1.x (validated as ${ctx.version})`,
        params: { value: v, major: sv.major, validatedAs: ctx.version },
      };
      return;
    }
    if (compareVersions(`${sv.major}.${sv.minor}.${sv.patch}`, LATEST_RUNTIME_SPEC) > 0)
      yield {
        requirement: null, // a hint, no requirement broken
        level: 'INFO',
        pointer: '/ociVersion',
        message: `ociVersion ${JSON.stringify(v)} is newer than the latest runtime spec we know (${LATEST_RUNTIME_SPEC}); validated as ${ctx.version}`,
        params: { value: v, validatedAs: ctx.version },
      };
  },
});
