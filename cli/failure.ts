/**
 * A bug of ours, as both CLIs report it: one line `<tool>: internal error: ...`
 * and the exit status of its internal code (4), so CI can tell it from findings, usage and environment.
 * The stack only with OCI_DEBUG=1: a user can act on neither, a maintainer
 * asks for it.
 */
import { exitOf, type ErrorCode, type ExitStatus } from '../core/errors.js';
import type { ToolName } from './options.js';

/** Each tool's code for a bug of its own; core/errors.ts maps both to EXIT.internal. */
const INTERNAL: Readonly<Record<ToolName, ErrorCode>> = { 'oci-validate': 'OCI_INTERNAL', 'oci-conform': 'OCI_CONFORM_INTERNAL', catalogue: 'OCI_INTERNAL' };

export function internalError(tool: ToolName, e: unknown, err: (text: string) => void, env: NodeJS.ProcessEnv = process.env): ExitStatus {
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  if (env.OCI_DEBUG) err(`${tool}: internal error: ${message}\n${e instanceof Error ? `${e.stack}\n` : ''}`);
  else err(`${tool}: internal error: ${message} (set OCI_DEBUG=1 for details)\n`);
  return exitOf(INTERNAL[tool]);
}
