import type { DocumentOptions, DocumentResult } from '../document.js';

export interface ValidateOptions extends Omit<DocumentOptions, 'bundleDir'> {
  readonly maxBytes?: number;
  /** Image layouts: a referenced blob missing from the layout is an error, not a warning. */
  readonly complete?: boolean;
  /** Image layouts: decompressed bytes allowed over all layers (default 16 GiB). */
  readonly maxDecompressedBytes?: number;
  /** Image layouts: largest ratio of decompressed to compressed bytes (0: no limit; default 500). */
  readonly maxDecompressionRatio?: number;
}

/** A handler for a directory or archive that is not a single JSON document (an image layout, a tar). */
export interface InputHandler {
  readonly name: string;
  /** Whether this handler takes the path (a directory, or a file with the right magic). */
  readonly accepts: (path: string, isDir: boolean) => boolean;
  readonly validate: (path: string, opts: ValidateOptions) => Promise<DocumentResult[]>;
}
