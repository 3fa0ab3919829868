/** Exit codes shared by both CLIs (docs/INTERPRETING.md). */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  environment: 3,
} as const;

export type ErrorCode =
  | 'OCI_USAGE'
  | 'OCI_INPUT_NOT_FOUND'
  | 'OCI_INPUT_UNREADABLE'
  | 'OCI_INPUT_TOO_LARGE'
  | 'OCI_INPUT_EMPTY'
  | 'OCI_INPUT_BINARY'
  | 'OCI_INPUT_ENCODING'
  | 'OCI_INPUT_BOM'
  | 'OCI_INPUT_TOO_DEEP'
  | 'OCI_INPUT_KIND'
  | 'OCI_INPUT_NO_CONFIG'
  | 'OCI_INPUT_NOT_LAYOUT'
  | 'OCI_ENV';

/**
 * An error the user can act on: a stable code, one line of text naming the
 * file and the reason, and the exit code it maps to. Never shown with a stack.
 */
export class OciError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly exitCode: number = EXIT.usage,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OciError';
  }
}

/** A Node system error's code (ENOENT, EACCES, …), if it is one. */
export function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}
