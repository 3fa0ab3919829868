/**
 * Errors of oci-conform: a stable code, one line for people, the exit code it
 * maps to (core/errors.ts EXIT), the original as `cause`. Never shown with a stack.
 */
import { EXIT } from '../core/errors.js';

export const ERROR_CODES = [
  'OCI_CONFORM_USAGE',
  'OCI_CONFORM_NOT_ROOT',
  'OCI_CONFORM_RUNTIME_NOT_FOUND',
  'OCI_CONFORM_CANARY_FAILED',
  'OCI_CONFORM_CANARY_RUNTIME_FAILED',
  'OCI_CONFORM_VERSION_REJECTED',
  'OCI_CONFORM_ROOTFS',
  'OCI_CONFORM_EXPECTATIONS',
  'OCI_CONFORM_REPORTER',
] as const;

export type ConformErrorCode = (typeof ERROR_CODES)[number];

const EXIT_OF: Readonly<Record<ConformErrorCode, number>> = {
  OCI_CONFORM_USAGE: EXIT.usage,
  OCI_CONFORM_NOT_ROOT: EXIT.environment,
  OCI_CONFORM_RUNTIME_NOT_FOUND: EXIT.environment,
  OCI_CONFORM_CANARY_FAILED: EXIT.environment,
  /** The runtime, not the host: its calls succeeded and it ran nothing. */
  OCI_CONFORM_CANARY_RUNTIME_FAILED: EXIT.findings,
  OCI_CONFORM_VERSION_REJECTED: EXIT.environment,
  OCI_CONFORM_ROOTFS: EXIT.environment,
  OCI_CONFORM_EXPECTATIONS: EXIT.usage,
  OCI_CONFORM_REPORTER: EXIT.usage,
};

export class ConformError extends Error {
  readonly exitCode: number;
  constructor(
    readonly code: ConformErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ConformError';
    this.exitCode = EXIT_OF[code];
  }
}
