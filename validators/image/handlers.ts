/**
 * Which inputs are image layouts. Deciding is cheap (a file name, a magic
 * number); the walker and stores load only for an input that is one, so a
 * run over config.json files never pays for tar, gzip and zstd code.
 */
import type { DocumentResult } from '../document.js';
import type { InputHandler } from '../input/handler.js';
import { archiveFormat, looksLikeLayoutDir } from './detect.js';

/** Image layout directories. */
const layoutDir: InputHandler = {
  name: 'image-layout',
  accepts: (path, isDir) => isDir && looksLikeLayoutDir(path),
  validate: async (path, opts): Promise<DocumentResult[]> => (await import('./open.js')).validateLayoutDir(path, opts),
};

/** Tar archives of a layout (oci-archive), plain or gzip-compressed, read without unpacking. */
const layoutArchive: InputHandler = {
  name: 'image-archive',
  accepts: (path, isDir) => !isDir && !path.endsWith('.json') && archiveFormat(path) !== undefined,
  validate: async (path, opts): Promise<DocumentResult[]> => (await import('./open.js')).validateLayoutArchive(path, opts),
};

/** Image layout directories and layout archives. */
export const IMAGE_HANDLERS: readonly InputHandler[] = [layoutDir, layoutArchive];
