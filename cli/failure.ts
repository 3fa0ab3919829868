/**
 * A bug of ours, as both CLIs report it: one line `<tool>: internal error: ...`
 * and EXIT.internal, so CI can tell it from findings, usage and environment.
 * The stack only with OCI_DEBUG=1: a user can act on neither, a maintainer
 * asks for it.
 */
import { EXIT } from '../core/errors.js';
import type { ToolName } from './options.js';

export function internalError(tool: ToolName, e: unknown, err: (text: string) => void, env: NodeJS.ProcessEnv = process.env): typeof EXIT.internal {
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  if (env.OCI_DEBUG) err(`${tool}: internal error: ${message}\n${e instanceof Error ? `${e.stack}\n` : ''}`);
  else err(`${tool}: internal error: ${message} (set OCI_DEBUG=1 for details)\n`);
  return EXIT.internal;
}
