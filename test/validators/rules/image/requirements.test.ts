/**
 * Image rules cite the requirement that matches the exact fault, at the
 * level the catalogue gives it at the validated version.
 */
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../../validators/document.js';

const HEX = 'c6f988f4874bb0add23a778f753c65efe992244e148a1d2ec2a8b664fb66bbd1';
const base = {
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${HEX}`, size: 10 },
  layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: `sha256:${HEX}`, size: 20 }],
};

async function cited(doc: unknown, rule: string, opts: { specVersion?: string; kind?: string } = {}) {
  const r = await validateDocument('doc.json', JSON.stringify(doc), opts);
  return r.diagnostics.filter((d) => d.rule === rule).map((d) => `${d.requirement ?? '-'} ${d.level} ${d.severity}`);
}

describe('image rules cite the precise requirement', () => {
  it.each([
    [`sha256:${HEX.toUpperCase()}`, 'IMG-DESC-SHA256-NO-UPPER MUST error'],
    [`sha256:${HEX.slice(2)}`, 'IMG-DESC-SHA256-ENCODED MUST error'],
    [`sha512:${HEX.toUpperCase()}${HEX.toUpperCase()}`, 'IMG-DESC-SHA512-NO-UPPER MUST error'],
    [`sha512:${HEX}`, 'IMG-DESC-SHA512-ENCODED MUST error'],
    ['sha256;abc', 'IMG-DESC-DIGEST-GRAMMAR MUST error'],
  ])('digest %s', async (digest, expected) => {
    expect(await cited({ ...base, config: { ...base.config, digest } }, 'descriptor.digest')).toEqual([expected]);
  });

  it('config mediaType form: the descriptor rule before 1.1.0, the manifest one from 1.1.0', async () => {
    const doc = { ...base, config: { ...base.config, mediaType: 'json' } };
    expect(await cited(doc, 'media-type.form', { specVersion: '1.0.2' })).toEqual(['IMG-DESC-MEDIATYPE-RFC6838 MUST error']);
    expect(await cited(doc, 'media-type.form')).toEqual(['IMG-MANIFEST-CONFIG-MEDIATYPE-RFC6838 MUST error']);
  });

  it('no layers: the image requirement for images, the artifact one for artifacts', async () => {
    expect(await cited({ ...base, layers: [] }, 'manifest.layers')).toEqual(['IMG-MANIFEST-LAYERS-AT-LEAST-ONE SHOULD warning']);
    const artifact = { ...base, artifactType: 'application/vnd.example', config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: `sha256:${HEX}`, size: 2 }, layers: [] };
    expect(await cited(artifact, 'manifest.layers')).toEqual(['IMG-MANIFEST-ARTIFACT-ONE-LAYER SHOULD warning']);
  });

  it('platform values cite the index or the config requirement', async () => {
    const index = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [{ ...base.config, mediaType: base.mediaType, platform: { os: 'Linux', architecture: 'amd64' } }] };
    expect(await cited(index, 'platform.values')).toEqual(['IMG-INDEX-PLATFORM-OS-GOOS SHOULD warning']);
    const config = { os: 'Linux', architecture: 'amd64', rootfs: { type: 'layers', diff_ids: [] } };
    expect(await cited(config, 'platform.values')).toEqual(['IMG-CONFIG-OS-GOOS SHOULD warning']);
  });

  it('the manifest mediaType: a MUST from 1.0.2, before it the property definition lowered to SHOULD', async () => {
    const doc = { ...base, mediaType: 'application/json' };
    expect(await cited(doc, 'manifest.media-type')).toEqual(['IMG-MANIFEST-MEDIATYPE-VALUE MUST error']);
    expect(await cited(doc, 'manifest.media-type', { specVersion: '1.0.1' })).toEqual(['IMG-MANIFEST-PROPERTY-FORM SHOULD warning']);
  });

  it('reserved annotation keys: an error in the image namespace, an info note elsewhere under org.opencontainers', async () => {
    const doc = { ...base, annotations: { 'org.opencontainers.image.colour': 'red', 'org.opencontainers.example': 'x' } };
    expect((await cited(doc, 'annotations.reserved')).sort()).toEqual(['IMG-ANNOT-IMAGE-NS-RESERVED MUST error', 'IMG-ANNOT-OCI-PREFIX-RESERVED INFO info']);
  });

  it('embedded data that does not match cites the MUST of identical content', async () => {
    const doc = { ...base.config, mediaType: 'application/vnd.example+json', data: 'e30=' };
    expect(await cited(doc, 'descriptor.data', { kind: 'descriptor' })).toEqual(['IMG-DESC-DATA-IDENTICAL MUST error', 'IMG-DESC-DATA-IDENTICAL MUST error']);
  });

  it('links each finding with a requirement to the spec at the validated version', async () => {
    const r = await validateDocument('doc.json', JSON.stringify({ ...base, layers: [] }), { specVersion: '1.1.0' });
    expect(r.diagnostics.map((d) => d.reference)).toEqual(['https://github.com/opencontainers/image-spec/blob/v1.1.0/manifest.md#image-manifest-property-descriptions']);
  });
});
