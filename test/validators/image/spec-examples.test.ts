/**
 * The example documents of the image spec itself (the JSON blocks its Markdown
 * marks with a media type) validate without error as their kind, at every
 * release, read from the image-spec git mirror (skipped without it). Warnings
 * are pinned too: each is a SHOULD the example really does not follow.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../validators/document.js';
import { IMAGE_SPEC_VERSIONS } from '../../../spec/versions.js';

const REPO = '/work/.mirror/opencontainers+image-spec/repo';
const KIND: Readonly<Record<string, string>> = {
  'application/vnd.oci.image.manifest.v1+json': 'manifest',
  'application/vnd.oci.image.index.v1+json': 'index',
  'application/vnd.oci.image.config.v1+json': 'image-config',
  'application/vnd.oci.descriptor.v1+json': 'descriptor',
  'application/vnd.oci.layout.header.v1+json': 'oci-layout',
};
const DOCS = ['descriptor.md', 'manifest.md', 'image-index.md', 'config.md', 'image-layout.md'];

interface Example {
  readonly version: string;
  readonly name: string;
  readonly kind: string;
  readonly text: string;
}

function examples(): Example[] {
  const out: Example[] = [];
  for (const version of IMAGE_SPEC_VERSIONS)
    for (const doc of DOCS) {
      const md = spawnSync('git', ['-C', REPO, 'show', `v${version}:${doc}`], { encoding: 'utf8' }).stdout;
      for (const m of md.matchAll(/```json,title=([^&\n]*)&mediatype=([^\n]*)\n([\s\S]*?)```/g)) {
        const kind = KIND[decodeURIComponent(m[2]!)];
        if (kind) out.push({ version, name: `${doc} "${decodeURIComponent(m[1]!)}"`, kind, text: m[3]! });
      }
    }
  return out;
}

describe.skipIf(!existsSync(REPO))("the image spec's own examples", () => {
  it('validate without error, with only the warnings their SHOULDs earn', async () => {
    const list = examples();
    expect(list.length).toBeGreaterThanOrEqual(40);
    const warnings = new Set<string>();
    for (const e of list) {
      const r = await validateDocument(e.name, e.text, { kind: e.kind, specVersion: e.version });
      expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule} ${d.pointer}`), `${e.version} ${e.name}`).toEqual([]);
      for (const d of r.diagnostics) if (d.severity === 'warning') warnings.add(`${d.rule} ${d.pointer}`);
    }
    expect([...warnings].sort()).toEqual([
      // the descriptor example points at a manifest without platform
      'descriptor.manifest-platform ',
      // image-layout.md's index lists a nested index (before 1.1.0) and an application/xml entry
      'index.manifest-media-type /manifests/0/mediaType',
      'index.manifest-media-type /manifests/2/mediaType',
      // 1.0.2's examples leave out mediaType, which 1.0.2 introduced
      'index.media-type ',
      'manifest.media-type ',
      // 1.0.x's config example: two DiffIDs, one non-empty history entry
      'config.history-layers /history',
    ].sort());
  });
});
