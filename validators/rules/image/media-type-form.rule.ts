/**
 * Media types and artifact types are RFC 6838 names: type "/" subtype, each a
 * restricted name. Which requirement a bad one breaks depends on where it is.
 */
import { defineRule } from '../rule.js';
import type { RuleFinding } from '../rule.js';
import { compareVersions } from '../../../spec/versions.js';
import { prop } from '../../json/values.js';
import { isWellFormedMediaType } from '../../image/media-types.js';
import { descriptorsOf } from './walk.js';
import type { DescriptorRole } from './walk.js';

const REQUIREMENTS = [
  'IMG-DESC-MEDIATYPE-RFC6838',
  'IMG-MANIFEST-CONFIG-MEDIATYPE-RFC6838',
  'IMG-MANIFEST-LAYER-MEDIATYPE-RFC6838',
  'IMG-DESC-ARTIFACTTYPE-RFC6838',
  'IMG-MANIFEST-ARTIFACTTYPE-RFC6838',
  'IMG-INDEX-ARTIFACTTYPE-RFC6838',
] as const;
type Cited = (typeof REQUIREMENTS)[number];

function mediaTypeRequirement(role: DescriptorRole, version: string): Cited {
  const v11 = compareVersions(version, '1.1.0') >= 0;
  if (v11 && role === 'config') return 'IMG-MANIFEST-CONFIG-MEDIATYPE-RFC6838';
  if (v11 && role === 'layer') return 'IMG-MANIFEST-LAYER-MEDIATYPE-RFC6838';
  return 'IMG-DESC-MEDIATYPE-RFC6838';
}

function check(value: unknown, pointer: string, requirement: Cited, what: string): RuleFinding<Cited>[] {
  if (typeof value !== 'string' || isWellFormedMediaType(value)) return [];
  return [
    {
      requirement,
      pointer,
      message: `${what} ${JSON.stringify(value)} is not an RFC 6838 media type (type/subtype, letters, digits and !#$&^_.+- only, no parameters)`,
      params: { value },
    },
  ];
}

export default defineRule({
  id: 'media-type.form',
  requirements: REQUIREMENTS,
  appliesTo: ['manifest', 'index', 'descriptor'],
  *check(doc, ctx) {
    for (const d of descriptorsOf(doc, ctx.kind)) {
      yield* check(d.value.mediaType, `${d.pointer}/mediaType`, mediaTypeRequirement(d.role, ctx.version), 'mediaType');
      yield* check(d.value.artifactType, `${d.pointer}/artifactType`, 'IMG-DESC-ARTIFACTTYPE-RFC6838', 'artifactType');
    }
    if (ctx.kind === 'manifest') yield* check(prop(doc, 'artifactType'), '/artifactType', 'IMG-MANIFEST-ARTIFACTTYPE-RFC6838', 'artifactType');
    if (ctx.kind === 'index') yield* check(prop(doc, 'artifactType'), '/artifactType', 'IMG-INDEX-ARTIFACTTYPE-RFC6838', 'artifactType');
  },
});
