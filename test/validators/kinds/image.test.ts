/**
 * Kind detection of image-spec documents given without --kind, and that
 * runtime documents and image documents are never taken for one another.
 */
import { describe, expect, it } from 'vitest';
import { detectKind } from '../../../validators/kinds/index.js';
import type { JsonValue } from '../../../validators/json/parse.js';

const D = `sha256:${'a'.repeat(64)}`;
const MANIFEST = {
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: D, size: 2 },
  layers: [],
};
const INDEX = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] };
const IMAGE_CONFIG = { architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } };
const RUNTIME_CONFIG = { ociVersion: '1.0.0', process: { args: ['sh'], cwd: '/' }, root: { path: 'rootfs' }, hostname: 'x', linux: {} };
const STATE = { ociVersion: '1.0.2-dev', id: 'c1', pid: 1, status: 'created', bundle: '/b' };
const FEATURES = { ociVersionMin: '1.0.0', ociVersionMax: '1.1.0', hooks: ['prestart'] };

describe('image kind detection', () => {
  it.each<[string, JsonValue, string | undefined]>([
    ['an OCI manifest', MANIFEST, 'manifest'],
    ['a manifest without mediaType (umoci 0.4)', { schemaVersion: 2, config: MANIFEST.config, layers: [] }, 'manifest'],
    ['a manifest without layers', { schemaVersion: 2, config: MANIFEST.config }, 'manifest'],
    ['a manifest that calls itself an index', { ...MANIFEST, mediaType: INDEX.mediaType }, 'manifest'],
    ['a Docker schema 2 manifest', { ...MANIFEST, mediaType: 'application/vnd.docker.distribution.manifest.v2+json' }, 'manifest'],
    ['a Docker schema 1 manifest', { schemaVersion: 1, name: 'a', tag: 'b', fsLayers: [], history: [] }, 'manifest'],
    ['an artifact manifest of the 1.1.0 release candidates', { mediaType: 'application/vnd.oci.artifact.manifest.v1+json', blobs: [] }, 'manifest'],
    ['an OCI index', INDEX, 'index'],
    ['an index without mediaType (umoci index.json)', { schemaVersion: 2, manifests: [] }, 'index'],
    ['an index that calls itself a manifest', { ...INDEX, mediaType: MANIFEST.mediaType }, 'index'],
    ['a Docker manifest list', { ...INDEX, mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json' }, 'index'],
    ['an image config', IMAGE_CONFIG, 'image-config'],
    ['an image config with config and history', { ...IMAGE_CONFIG, config: { Env: [] }, history: [] }, 'image-config'],
    ['an image config that names its own media type', { ...IMAGE_CONFIG, mediaType: 'application/vnd.oci.image.config.v1+json' }, 'image-config'],
    ['an image config without rootfs', { architecture: 'amd64', os: 'linux', config: {} }, 'image-config'],
    ['a descriptor', { mediaType: MANIFEST.mediaType, digest: D, size: 10 }, 'descriptor'],
    ['a descriptor of an index, with platform', { mediaType: INDEX.mediaType, digest: D, size: 10, platform: { os: 'linux', architecture: 'amd64' } }, 'descriptor'],
    ['the empty descriptor', { mediaType: 'application/vnd.oci.empty.v1+json', digest: D, size: 2, data: 'e30=' }, 'descriptor'],
    ['an oci-layout file', { imageLayoutVersion: '1.0.0' }, 'oci-layout'],
    ['an unknown document with a mediaType', { mediaType: 'application/json' }, undefined],
  ])('%s', (_name, doc, kind) => {
    expect(detectKind(doc)?.name).toBe(kind);
  });
});

describe('runtime and image documents are not confused', () => {
  it.each<[string, JsonValue, string]>([
    ['a runtime config', RUNTIME_CONFIG, 'config'],
    ['a runtime config with annotations (as manifests have)', { ...RUNTIME_CONFIG, annotations: { 'org.opencontainers.image.os': 'linux' } }, 'config'],
    ['a runtime config from an image conversion (image annotations, os-like keys)', { ociVersion: '1.2.0', process: { args: ['sh'] }, root: { path: 'rootfs' }, annotations: { 'org.opencontainers.image.architecture': 'amd64' } }, 'config'],
    ['a runtime state', STATE, 'state'],
    ['runtime features', FEATURES, 'features'],
    ['an image config', IMAGE_CONFIG, 'image-config'],
    ['an image config carrying a runtime-looking config (Cmd, Env)', { ...IMAGE_CONFIG, config: { Cmd: ['sh'], Env: ['A=b'], WorkingDir: '/' } }, 'image-config'],
    ['a manifest with annotations', { ...MANIFEST, annotations: { 'com.example.a': 'b' } }, 'manifest'],
  ])('%s is a %s', (_name, doc, kind) => {
    expect(detectKind(doc)?.name).toBe(kind);
  });
});
