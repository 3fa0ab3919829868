/**
 * Opening a layout directory or archive and walking it: the heavy half of the
 * image handlers, loaded only when an input is a layout (handlers.ts decides).
 */
import { OciError } from '../../core/errors.js';
import type { DocumentResult } from '../document.js';
import type { ValidateOptions } from '../input/handler.js';
import { archiveFormat } from './detect.js';
import type { LayoutOptions } from './layout.js';
import { DEFAULT_MAX_DECOMPRESSED, validateLayout } from './layout.js';
import { DEFAULT_MAX_RATIO } from './verify.js';
import { DirStore } from './store/dir.js';
import type { ContentStore } from './store/store.js';
import { TarFileStore } from './store/tar-file.js';
import { TarGzipStore } from './store/tar-gzip.js';

function layoutOptions(opts: ValidateOptions): LayoutOptions {
  return {
    ...(opts.level ? { level: opts.level } : {}),
    ...(opts.specVersion ? { specVersion: opts.specVersion } : {}),
    ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}),
    ...(opts.complete ? { complete: true } : {}),
    ...(opts.maxDecompressedBytes ? { maxDecompressedBytes: opts.maxDecompressedBytes } : {}),
    ...(opts.maxDecompressionRatio !== undefined ? { maxDecompressionRatio: opts.maxDecompressionRatio } : {}),
    ...(opts.codeCache ? { codeCache: opts.codeCache } : {}),
  };
}

/** A docker-archive (docker save) has manifest.json and no oci-layout: a different format, said so in one line (exit 2). */
function refuseDockerArchive(store: ContentStore): void {
  if (store.hasRootFile('oci-layout') || store.hasRootFile('index.json')) return;
  if (store.hasRootFile('manifest.json'))
    throw new OciError(
      'OCI_INPUT_NOT_LAYOUT',
      `${store.name}: is a docker-archive (manifest.json, no oci-layout or index.json), not an OCI image layout; convert it first, e.g. skopeo copy docker-archive:${store.name} oci:DIR`,
    );
  const nested = store.nestedLayout?.();
  throw new OciError(
    'OCI_INPUT_NOT_LAYOUT',
    `${store.name}: is a tar archive but not an OCI image layout (no oci-layout or index.json at its root${nested ? `; there is one under '${nested}/', but an archive of a layout holds it at the root` : ''})`,
  );
}

/** Validates an image layout directory. */
export async function validateLayoutDir(path: string, opts: ValidateOptions): Promise<DocumentResult[]> {
  const store = new DirStore(path, path.replace(/\/+$/, '') || path);
  refuseDockerArchive(store);
  return validateLayout(store, layoutOptions(opts));
}

/** Validates a tar archive of a layout (oci-archive), plain or gzip-compressed, without unpacking it. */
export async function validateLayoutArchive(path: string, opts: ValidateOptions): Promise<DocumentResult[]> {
  const name = path;
  const format = archiveFormat(path);
  if (format === 'zstd')
    throw new OciError('OCI_INPUT_UNREADABLE', `${name}: is zstd-compressed; we read layout archives as plain tar or tar.gz (decompress it first, e.g. zstd -d)`);
  if (format === 'gzip') {
    const store = await TarGzipStore.open(path, name, opts.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED, opts.maxDecompressionRatio ?? DEFAULT_MAX_RATIO);
    refuseDockerArchive(store);
    return validateLayout(store, layoutOptions(opts));
  }
  const store = await TarFileStore.open(path, name);
  try {
    refuseDockerArchive(store);
    return await validateLayout(store, layoutOptions(opts));
  } finally {
    await store.close();
  }
}
