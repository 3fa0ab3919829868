/** The oci-layout file's imageLayoutVersion: 1.0.0 is the only layout version every release defines. */
import { defineRule } from '../rule.js';
import { prop } from '../../json/values.js';

export const KNOWN_LAYOUT_VERSIONS: ReadonlySet<string> = new Set(['1.0.0']);

export default defineRule({
  id: 'oci-layout.version',
  requirements: [],
  appliesTo: ['oci-layout'],
  *check(doc) {
    const v = prop(doc, 'imageLayoutVersion');
    if (typeof v === 'string' && !KNOWN_LAYOUT_VERSIONS.has(v))
      yield {
        level: 'SHOULD',
        pointer: '/imageLayoutVersion',
        message: `imageLayoutVersion ${JSON.stringify(v)} is not a layout version the image spec has defined (1.0.0); tools may refuse the layout`,
        params: { version: v },
      };
  },
});
