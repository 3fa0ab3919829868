/**
 * The oci-layout file's imageLayoutVersion. Unknown versions are treated as
 * `config.oci-version.known` treats a config's ociVersion (docs/INTERPRETING.md,
 * "Unknown versions"): a value that is not SemVer, or whose major no release
 * defines, names a layout we can't know the rules of: an error. A 1.x that
 * no release has defined yet is an info: SemVer keeps a newer 1.x readable
 * by the 1.0.0 rules, and the text pins the version until the layout changes.
 */
import { defineRule } from '../rule.js';
import { prop } from '../../json/values.js';
import { compareVersions, parseSemVer } from '../../../spec/versions.js';

/** Layout versions the image spec has defined (every release up to 1.1.1 pins 1.0.0). */
export const KNOWN_LAYOUT_VERSIONS: ReadonlySet<string> = new Set(['1.0.0']);
const LATEST_LAYOUT = '1.0.0';

export default defineRule({
  id: 'oci-layout.version',
  requirements: ['IMG-LAYOUT-VERSION-KNOWN'],
  appliesTo: ['oci-layout'],
  *check(doc) {
    const v = prop(doc, 'imageLayoutVersion');
    if (typeof v !== 'string' || KNOWN_LAYOUT_VERSIONS.has(v)) return;
    const sv = parseSemVer(v);
    const known = [...KNOWN_LAYOUT_VERSIONS].join(', ');
    if (!sv || sv.major !== 1)
      yield {
        pointer: '/imageLayoutVersion',
        message: `imageLayoutVersion ${JSON.stringify(v)} is ${sv ? `of major version ${sv.major}` : 'not a SemVer version'}; the image spec has defined only layout ${known}, so this layout can't be checked by its rules`,
        params: { version: v, ...(sv ? { major: sv.major } : {}) },
      };
    else
      yield {
        level: 'INFO',
        pointer: '/imageLayoutVersion',
        message: `imageLayoutVersion ${JSON.stringify(v)} is ${compareVersions(v, LATEST_LAYOUT) > 0 ? 'newer than' : 'not'} a layout version the image spec has defined (${known}); checked by the ${LATEST_LAYOUT} rules`,
        params: { version: v },
      };
  },
});
