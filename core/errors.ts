/**
 * The one error model of both CLIs: an OciError has a stable code, one line
 * of text for people, the original as `cause`, and the exit status its code
 * maps to in EXIT_OF, the only table from code to exit status.
 * docs/INTERPRETING.md ("Exit codes") documents the statuses.
 */

/** Exit statuses shared by both CLIs (docs/INTERPRETING.md). */
export const EXIT = {
  /** valid / conformant (or matching --expectations) */
  ok: 0,
  /** findings: errors in a document, failed cases, unexpected results */
  findings: 1,
  /** usage: unknown flag, bad value, unreadable input */
  usage: 2,
  /** the environment can't run the suite: not root, runtime missing, canary failed */
  environment: 3,
  /** a bug of ours: please report it */
  internal: 4,
  /** oci-conform stopped by SIGINT (cleanup ran first) */
  interrupted: 130,
  /** oci-conform stopped by SIGTERM (cleanup ran first) */
  terminated: 143,
} as const;

export type ExitStatus = (typeof EXIT)[keyof typeof EXIT];

/** Every error code of both tools and its exit status. */
const EXIT_OF = {
  // oci-validate
  OCI_USAGE: EXIT.usage,
  OCI_INPUT_NOT_FOUND: EXIT.usage,
  OCI_INPUT_UNREADABLE: EXIT.usage,
  OCI_INPUT_TOO_LARGE: EXIT.usage,
  OCI_INPUT_EMPTY: EXIT.usage,
  OCI_INPUT_BINARY: EXIT.usage,
  OCI_INPUT_ENCODING: EXIT.usage,
  OCI_INPUT_BOM: EXIT.usage,
  OCI_INPUT_TOO_DEEP: EXIT.usage,
  OCI_INPUT_KIND: EXIT.usage,
  OCI_INPUT_NO_CONFIG: EXIT.usage,
  OCI_INPUT_NOT_LAYOUT: EXIT.usage,
  /** --spec-version names no version of this input's kind (a features document at 1.0.2): that input only. */
  OCI_INPUT_SPEC_VERSION: EXIT.usage,
  OCI_INTERNAL: EXIT.internal,
  // oci-conform
  OCI_CONFORM_USAGE: EXIT.usage,
  OCI_CONFORM_EXPECTATIONS: EXIT.usage,
  OCI_CONFORM_REPORTER: EXIT.usage,
  OCI_CONFORM_NOT_ROOT: EXIT.environment,
  OCI_CONFORM_RUNTIME_NOT_FOUND: EXIT.environment,
  OCI_CONFORM_CANARY_FAILED: EXIT.environment,
  /** The runtime, not the host: its calls succeeded and it ran nothing. */
  OCI_CONFORM_CANARY_RUNTIME_FAILED: EXIT.findings,
  OCI_CONFORM_VERSION_REJECTED: EXIT.environment,
  OCI_CONFORM_ROOTFS: EXIT.environment,
  OCI_CONFORM_INTERNAL: EXIT.internal,
} as const satisfies Record<string, ExitStatus>;

export type ErrorCode = keyof typeof EXIT_OF;

export const ERROR_CODES = Object.keys(EXIT_OF) as readonly ErrorCode[];

/** The exit status of an error code. */
export function exitOf(code: ErrorCode): ExitStatus {
  return EXIT_OF[code];
}

/**
 * An error the user can act on: a stable code, one line of text naming the
 * file and the reason, and the exit status its code maps to. Never shown
 * with a stack. Anything else thrown is a bug of ours (EXIT.internal).
 */
export class OciError extends Error {
  readonly exitCode: ExitStatus;
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OciError';
    this.exitCode = EXIT_OF[code];
  }
}

/** A Node system error's code (ENOENT, EACCES, …), if it is one. */
export function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}
