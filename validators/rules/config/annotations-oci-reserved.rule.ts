/**
 * The org.opencontainers key namespace belongs to the specs. Up to 1.1.0 the
 * text only reserves it (a warning here: image conversion wrote such keys);
 * from 1.2.0 only the keys the spec lists may be used, as it describes them.
 */
import { defineRule } from '../rule.js';
import { isObject, prop } from '../../json/values.js';
import { escapePointerToken } from '../../json/pointer.js';
import { inForce } from './platform.js';
import { OCI_ANNOTATION_KEYS } from '../../../spec/runtime/config.js';

const LISTED = new Set(OCI_ANNOTATION_KEYS.map(([k]) => k));

export default defineRule({
  id: 'config.annotations.oci-reserved',
  requirements: ['CFG-ANNOTATIONS-OCI-RESERVED', 'CFG-ANNOTATIONS-OCI-AS-DESCRIBED'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    const a = prop(doc, 'annotations');
    if (!isObject(a)) return;
    const listed = inForce(ctx, '1.2.0');
    for (const key of Object.keys(a)) {
      if (key !== 'org.opencontainers' && !key.startsWith('org.opencontainers.')) continue;
      const pointer = `/annotations/${escapePointerToken(key)}`;
      if (!listed)
        yield {
          pointer,
          at: 'key',
          level: 'SHOULD',
          requirement: 'CFG-ANNOTATIONS-OCI-RESERVED',
          message: `annotation key ${JSON.stringify(key)} is in the org.opencontainers namespace, which is reserved for the OCI specs`,
          params: { key },
        };
      else if (!LISTED.has(key))
        yield {
          pointer,
          at: 'key',
          requirement: 'CFG-ANNOTATIONS-OCI-AS-DESCRIBED',
          message: `annotation key ${JSON.stringify(key)} is in the reserved org.opencontainers namespace but is not one the spec defines (${[...LISTED].join(', ')})`,
          params: { key },
        };
    }
  },
});
