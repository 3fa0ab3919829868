/** Digests are recommended to use SHA-256; other algorithms (sha512 included) may not be understood everywhere. */
import { defineRule } from '../rule.js';
import { isDigestError, parseDigest } from '../../image/digest.js';
import { asArray, at } from '../../json/values.js';
import { descriptorsOf } from './walk.js';

export default defineRule({
  id: 'descriptor.digest-algorithm',
  requirements: ['IMG-DESC-USE-SHA256'],
  appliesTo: ['manifest', 'index', 'descriptor', 'image-config'],
  *check(doc, ctx) {
    const places: Array<[unknown, string]> = descriptorsOf(doc, ctx.kind).map((d) => [d.value.digest, `${d.pointer}/digest`]);
    if (ctx.kind === 'image-config') asArray(at(doc, 'rootfs', 'diff_ids')).forEach((v, i) => places.push([v, `/rootfs/diff_ids/${i}`]));
    for (const [v, pointer] of places) {
      if (typeof v !== 'string') continue;
      const d = parseDigest(v);
      if (isDigestError(d) || d.algorithm === 'sha256') continue;
      yield {
        pointer,
        message: `digest uses ${d.algorithm}; sha256 is the algorithm every implementation must verify`,
        params: { algorithm: d.algorithm },
      };
    }
  },
});
