/**
 * From what the user names (a file, a directory, '-') to documents. A
 * directory is a bundle (config.json inside) or, once image support lands,
 * an image layout; handlers for more input shapes register here.
 */
import { lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { OciError, errnoCode } from '../core/errors.js';
import type { DocumentResult } from './document.js';
import { validateDocument } from './document.js';
import { readTextInput, DEFAULT_MAX_BYTES, openError } from './input/read.js';
import type { InputHandler, ValidateOptions } from './input/handler.js';
import { IMAGE_HANDLERS } from './image/handlers.js';

export type { InputHandler, ValidateOptions };

/** Every handler for inputs that are not a single JSON document; bundles are the fallback for directories. */
const handlers: readonly InputHandler[] = IMAGE_HANDLERS;

export async function validatePath(path: string, opts: ValidateOptions = {}): Promise<DocumentResult[]> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (path === '-') {
    const input = readTextInput('-', maxBytes);
    return [await validateDocument(input.name, input.text, opts)];
  }
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') throw openError(path, e);
    // readTextInput words the not-found case (also for a dangling symlink)
  }
  for (const h of handlers) if (h.accepts(path, isDir)) return h.validate(path, opts);
  if (isDir) return validateBundle(path, opts, maxBytes);
  const input = readTextInput(path, maxBytes);
  return [await validateDocument(input.name, input.text, opts)];
}

async function validateBundle(dir: string, opts: ValidateOptions, maxBytes: number): Promise<DocumentResult[]> {
  const config = join(dir, 'config.json');
  try {
    lstatSync(config);
  } catch {
    throw new OciError(
      'OCI_INPUT_NO_CONFIG',
      `${dir}: is a directory without config.json, so neither a runtime bundle${handlers.length > 0 ? ' nor anything else we validate' : ''}`,
    );
  }
  // a bundle's content is as untrusted as a layout's: a FIFO or device named config.json is refused, never waited on
  const input = readTextInput(config, maxBytes, { regularOnly: true });
  return [await validateDocument(input.name, input.text, { ...opts, kind: opts.kind ?? 'config', bundleDir: dir })];
}
