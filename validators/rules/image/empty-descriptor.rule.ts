/**
 * The empty descriptor (manifest.md, "Guidance for an Empty Descriptor", 1.1.0):
 * application/vnd.oci.empty.v1+json names the two-byte content `{}`, so its
 * size is 2 and its digest is the sha256 of `{}`. The section is guidance,
 * with no RFC 2119 keyword, hence the SHOULD level; the findings cite the
 * size and digest requirements of a descriptor, lowered to SHOULD.
 */
import { createHash } from 'node:crypto';
import { defineRule } from '../rule.js';
import { compareVersions } from '../../../spec/versions.js';
import { MT_EMPTY } from '../../image/media-types.js';
import { isDigestError, parseDigest, registeredAlgorithm } from '../../image/digest.js';
import { descriptorsOf } from './walk.js';

export default defineRule({
  id: 'descriptor.empty',
  requirements: ['IMG-DESC-SIZE-REQUIRED', 'IMG-DESC-DIGEST-REQUIRED'],
  appliesTo: ['manifest', 'index', 'descriptor'],
  *check(doc, ctx) {
    if (compareVersions(ctx.version, '1.1.0') < 0) return;
    for (const d of descriptorsOf(doc, ctx.kind)) {
      if (d.value.mediaType !== MT_EMPTY) continue;
      const { size, digest } = d.value;
      if (typeof size === 'number' && size !== 2)
        yield { level: 'SHOULD', requirement: 'IMG-DESC-SIZE-REQUIRED', pointer: `${d.pointer}/size`, message: `the empty descriptor describes the 2-byte content {}, but size is ${size}`, params: { size } };
      if (typeof digest === 'string') {
        const p = parseDigest(digest);
        const alg = isDigestError(p) ? undefined : registeredAlgorithm(p.algorithm);
        const expected = alg ? `${alg.name}:${createHash(alg.nodeHash).update('{}').digest('hex')}` : undefined;
        if (expected !== undefined && digest !== expected)
          yield { level: 'SHOULD', requirement: 'IMG-DESC-DIGEST-REQUIRED', pointer: `${d.pointer}/digest`, message: `the empty descriptor's content {} has digest ${expected}, not ${digest}`, params: { digest, expected } };
      }
    }
  },
});
