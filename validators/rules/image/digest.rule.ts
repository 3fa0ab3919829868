/**
 * Digests follow the grammar of descriptor.md, and sha256/sha512 digests have
 * exactly 64/128 lower-case hex characters. Checked in every descriptor and in
 * an image config's rootfs.diff_ids (DiffIDs use the descriptor digest form).
 */
import { defineRule } from '../rule.js';
import type { RuleFinding } from '../rule.js';
import { asArray, at } from '../../json/values.js';
import { isDigestError, parseDigest, registeredAlgorithm } from '../../image/digest.js';
import { descriptorsOf } from './walk.js';

/** The findings of one digest string at a pointer. */
export const DIGEST_REQUIREMENTS = ['IMG-DESC-DIGEST-GRAMMAR', 'IMG-DESC-SHA256-ENCODED', 'IMG-DESC-SHA256-NO-UPPER', 'IMG-DESC-SHA512-ENCODED', 'IMG-DESC-SHA512-NO-UPPER'] as const;
export type DigestRequirement = (typeof DIGEST_REQUIREMENTS)[number];

export function digestFindings(value: string, pointer: string): RuleFinding<DigestRequirement>[] {
  const d = parseDigest(value);
  if (!isDigestError(d)) return [];
  if (d.reason === 'grammar')
    return [{ requirement: 'IMG-DESC-DIGEST-GRAMMAR', pointer, message: `not a digest: ${d.error}`, params: { digest: value } }];
  const algorithm = value.slice(0, value.indexOf(':'));
  const encoded = value.slice(value.indexOf(':') + 1);
  const reg = registeredAlgorithm(algorithm)!;
  const upper = encoded.length === reg.hexLength && /^[a-fA-F0-9]+$/.test(encoded);
  const id = algorithm === 'sha256' ? 'SHA256' : 'SHA512';
  return [
    {
      requirement: upper ? `IMG-DESC-${id}-NO-UPPER` : `IMG-DESC-${id}-ENCODED`,
      pointer,
      message: `${d.error} in ${JSON.stringify(value)}`,
      params: { digest: value, algorithm, expectedLength: reg.hexLength, length: encoded.length },
    },
  ];
}

export default defineRule({
  id: 'descriptor.digest',
  requirements: DIGEST_REQUIREMENTS,
  appliesTo: ['manifest', 'index', 'descriptor', 'image-config'],
  *check(doc, ctx) {
    for (const d of descriptorsOf(doc, ctx.kind))
      if (typeof d.value.digest === 'string') yield* digestFindings(d.value.digest, `${d.pointer}/digest`);
    if (ctx.kind === 'image-config') {
      const ids = asArray(at(doc, 'rootfs', 'diff_ids'));
      for (let i = 0; i < ids.length; i++) {
        const v = ids[i];
        if (typeof v === 'string') yield* digestFindings(v, `/rootfs/diff_ids/${i}`);
      }
    }
  },
});
