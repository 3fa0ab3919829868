/**
 * Embedded content (descriptor `data`, 1.1.0): standard base64 that decodes
 * to exactly the content the descriptor names, so its length is `size` and
 * its hash is `digest`. Verifying it is what the spec asks of consumers.
 */
import { createHash } from 'node:crypto';
import { defineRule } from '../rule.js';
import { isDigestError, parseDigest, registeredAlgorithm } from '../../image/digest.js';
import { isBase64 } from './formats.js';
import { descriptorsOf } from './walk.js';

export default defineRule({
  id: 'descriptor.data',
  requirements: ['IMG-DESC-DATA-BASE64', 'IMG-DESC-DATA-IDENTICAL', 'IMG-DESC-DATA-VERIFY', 'IMG-DESC-DIGEST-VERIFY', 'IMG-DESC-SIZE-MISMATCH'],
  appliesTo: ['manifest', 'index', 'descriptor'],
  *check(doc, ctx) {
    for (const d of descriptorsOf(doc, ctx.kind)) {
      const data = d.value.data;
      if (typeof data !== 'string') continue;
      const pointer = `${d.pointer}/data`;
      if (!isBase64(data)) {
        yield { requirement: 'IMG-DESC-DATA-BASE64', pointer, message: 'data is not standard padded base64 (RFC 4648 section 4: A-Z a-z 0-9 + / and = padding, no whitespace or URL-safe letters)', params: {} };
        continue;
      }
      const bytes = Buffer.from(data, 'base64');
      const size = d.value.size;
      if (typeof size === 'number' && size !== bytes.length)
        yield {
          requirement: 'IMG-DESC-DATA-IDENTICAL',
          pointer,
          message: `data decodes to ${bytes.length} bytes but size says ${size}: the embedded content is not the content described`,
          params: { decoded: bytes.length, size },
        };
      const digest = typeof d.value.digest === 'string' ? parseDigest(d.value.digest) : undefined;
      if (!digest || isDigestError(digest)) continue;
      const alg = registeredAlgorithm(digest.algorithm);
      if (!alg) continue; // an unregistered algorithm can't be verified here
      const actual = createHash(alg.nodeHash).update(bytes).digest('hex');
      if (actual !== digest.encoded)
        yield {
          requirement: 'IMG-DESC-DATA-IDENTICAL',
          pointer,
          message: `data hashes to ${alg.name}:${actual}, not the descriptor digest ${alg.name}:${digest.encoded}`,
          params: { actual: `${alg.name}:${actual}`, expected: `${alg.name}:${digest.encoded}` },
        };
    }
  },
});
