/**
 * The org.opencontainers key namespace of a config's annotations.
 *
 * Up to 1.1.0 the text reserves the namespace with a MUST NOT addressed to
 * specifications ("MUST NOT be used by subsequent specifications"), not to
 * documents: a key there is an info note. From 1.2.0 keys in the namespace
 * MUST be as the annotations section describes them, and it lists eight
 * org.opencontainers.image.* keys. The image spec's conversion rules tell
 * converters to set further keys of its own namespace (exposedPorts, and every
 * Config.Labels entry, which may hold any key annotations.md defines: title,
 * source, …), and the runtime-spec table itself defers to those rules. A key
 * the image spec defines but the table does not list is where the two specs
 * conflict: an info that says so. A key no OCI spec defines is an error.
 */
import { defineRule } from '../rule.js';
import { isObject, prop } from '../../json/values.js';
import { escapePointerToken } from '../../json/pointer.js';
import { inForce } from './platform.js';
import { OCI_ANNOTATION_KEYS } from '../../../spec/runtime/config.js';
import { IMAGE_KEYS } from '../image/annotation-keys.js';

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
          level: 'INFO',
          requirement: 'CFG-ANNOTATIONS-OCI-RESERVED',
          message: `annotation key ${JSON.stringify(key)} is in the org.opencontainers namespace, which this version reserves for the OCI specs; the reservation binds specifications, not documents`,
          params: { key },
        };
      else if (LISTED.has(key)) continue;
      else if (Object.hasOwn(IMAGE_KEYS, key))
        yield {
          pointer,
          at: 'key',
          level: 'INFO',
          requirement: 'CFG-ANNOTATIONS-OCI-AS-DESCRIBED',
          message: `annotation key ${JSON.stringify(key)} is not in runtime-spec's table of org.opencontainers keys, but the image spec defines it and its conversion rules (which that table defers to) carry it into configs; the two specs conflict here, so this is not reported as an error`,
          params: { key, conflict: 'image-spec-conversion' },
        };
      else
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
