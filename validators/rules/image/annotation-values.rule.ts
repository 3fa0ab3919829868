/**
 * Values of the pre-defined annotation keys: created is an RFC 3339
 * date-time, url/documentation/source are URLs, base.digest is a digest,
 * ref.name keeps to its character set and grammar, base.name is a fully
 * qualified image reference. Formats without an RFC 2119 keyword of their own
 * cite IMG-ANNOT-PREDEFINED-FORM (the ref.name grammar lowered to SHOULD).
 *
 * Every tag of annotations.md lets a value be the empty string, for any key:
 * an empty value is read as "not given" and has no form to check. buildah
 * writes base.digest and base.name as "" for an image built from scratch, and
 * tools copy them along.
 */
import { defineRule } from '../rule.js';
import type { RuleFinding } from '../rule.js';
import { isObject } from '../../json/values.js';
import { escapePointerToken } from '../../json/pointer.js';
import { REF_NAME_CHARSET, isRefName, isRfc3339DateTime, isUri, parseReference } from './formats.js';
import { DIGEST_REQUIREMENTS, digestFindings } from './digest.rule.js';
import { annotationMapsOf } from './walk.js';
import { compareVersions } from '../../../spec/versions.js';

const URL_KEYS = new Set(['org.opencontainers.image.url', 'org.opencontainers.image.documentation', 'org.opencontainers.image.source']);

/** base.digest and base.name are defined from 1.1.0; before that they have no form to check. */
const BASE_KEYS = new Set(['org.opencontainers.image.base.digest', 'org.opencontainers.image.base.name']);

// base.digest is checked as a descriptor's digest is, citing the same requirements (descriptor.digest)
const REQUIREMENTS = ['IMG-ANNOT-PREDEFINED-FORM', 'IMG-ANNOT-REF-NAME-CHARSET', 'IMG-ANNOT-BASE-NAME-FORMAT', 'IMG-ANNOT-BASE-NAME-QUALIFIED', ...DIGEST_REQUIREMENTS] as const;

function* checkValue(key: string, value: string, pointer: string, version: string): Generator<RuleFinding<(typeof REQUIREMENTS)[number]>> {
  if (value === '') return;
  if (BASE_KEYS.has(key) && compareVersions(version, '1.1.0') < 0) return;
  if (key === 'org.opencontainers.image.created' && !isRfc3339DateTime(value))
    yield { requirement: 'IMG-ANNOT-PREDEFINED-FORM', pointer, message: `${key} ${JSON.stringify(value)} is not an RFC 3339 date-time (e.g. 2024-05-01T12:00:00Z)`, params: { key, value } };
  else if (URL_KEYS.has(key) && !isUri(value))
    yield { requirement: 'IMG-ANNOT-PREDEFINED-FORM', pointer, message: `${key} ${JSON.stringify(value)} is not a URL`, params: { key, value } };
  else if (key === 'org.opencontainers.image.base.digest') yield* digestFindings(value, pointer);
  else if (key === 'org.opencontainers.image.ref.name') {
    if (!REF_NAME_CHARSET.test(value))
      yield { requirement: 'IMG-ANNOT-REF-NAME-CHARSET', pointer, message: `ref.name ${JSON.stringify(value)} has characters outside A-Za-z0-9 and - . _ : @ / +`, params: { value } };
    else if (!isRefName(value))
      yield { level: 'SHOULD', requirement: 'IMG-ANNOT-PREDEFINED-FORM', pointer, message: `ref.name ${JSON.stringify(value)} does not follow the reference grammar (components of alphanumerics joined by single separators, split by /)`, params: { value } };
  } else if (key === 'org.opencontainers.image.base.name') {
    const ref = parseReference(value);
    if (!ref)
      yield { requirement: 'IMG-ANNOT-BASE-NAME-FORMAT', pointer, message: `base.name ${JSON.stringify(value)} is not an image reference (registry/path:tag or @digest, lower-case path)`, params: { value } };
    else if (ref.domain === undefined)
      yield { requirement: 'IMG-ANNOT-BASE-NAME-QUALIFIED', pointer, message: `base.name ${JSON.stringify(value)} names no registry; give it in full, e.g. registry.example.com/${ref.path}`, params: { value } };
  }
}

export default defineRule({
  id: 'annotations.values',
  requirements: REQUIREMENTS,
  appliesTo: ['manifest', 'index', 'descriptor', 'image-config'],
  *check(doc, ctx) {
    for (const a of annotationMapsOf(doc, ctx.kind)) {
      if (!isObject(a.value)) continue;
      for (const [key, value] of Object.entries(a.value))
        if (typeof value === 'string') yield* checkValue(key, value, `${a.pointer}/${escapePointerToken(key)}`, ctx.version);
    }
  },
});
