import { describe, expect, it } from 'vitest';
import { isDockerMediaType, isKnownOciMediaType, isLayerMediaType, isWellFormedMediaType, layerCompression, layerMediaType } from '../../../validators/image/media-types.js';

describe('media types', () => {
  it('knows which layer types are compressed how, and since when', () => {
    expect(layerCompression('application/vnd.oci.image.layer.v1.tar')).toBe('none');
    expect(layerCompression('application/vnd.oci.image.layer.v1.tar+gzip')).toBe('gzip');
    expect(layerCompression('application/vnd.oci.image.layer.nondistributable.v1.tar+zstd')).toBe('zstd');
    expect(layerCompression('application/vnd.docker.image.rootfs.diff.tar.gzip')).toBe('gzip');
    expect(layerCompression('application/vnd.oci.image.config.v1+json')).toBeUndefined();
    expect(isLayerMediaType('application/vnd.oci.image.layer.v1.tar+zstd', '1.0.2')).toBe(false);
    expect(isLayerMediaType('application/vnd.oci.image.layer.v1.tar+zstd', '1.1.0')).toBe(true);
    expect(layerMediaType('application/vnd.oci.image.layer.nondistributable.v1.tar')?.nonDistributable).toBe(true);
  });

  it('tells OCI, Docker and unknown types apart', () => {
    expect(isKnownOciMediaType('application/vnd.oci.empty.v1+json', '1.0.2')).toBe(false);
    expect(isKnownOciMediaType('application/vnd.oci.empty.v1+json', '1.1.0')).toBe(true);
    expect(isKnownOciMediaType('application/vnd.oci.image.index.v1+json')).toBe(true);
    expect(isDockerMediaType('application/vnd.docker.distribution.manifest.v2+json')).toBe(true);
    expect(isDockerMediaType('application/vnd.oci.image.manifest.v1+json')).toBe(false);
  });

  it.each([
    ['application/vnd.oci.image.manifest.v1+json', true],
    ['text/plain', true],
    ['application/vnd.example.a!b#c$d&e^f', true],
    ['text', false],
    ['text/', false],
    ['/plain', false],
    ['text/plain; charset=utf-8', false],
    ['text/pl ain', false],
    [`application/${'x'.repeat(127)}`, true],
    [`application/${'x'.repeat(128)}`, false],
  ])('%s is well formed: %s', (mt, ok) => {
    expect(isWellFormedMediaType(mt)).toBe(ok);
  });
});
