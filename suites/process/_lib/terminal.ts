/** Runs the case's container with a terminal: console socket, raw create/start, output read from the pty. */
import type { CaseContext } from '../../case.js';
import { succeeded } from '../../../harness/driver/record.js';
import { openConsoleSocket, python3 } from './console.js';

export async function runWithTerminal<R extends string>(ctx: CaseContext<R>, main: R): Promise<string> {
  const py = await python3();
  if (!py) return ctx.skip('no console-socket receiver: the harness has none yet and python3 (used to receive the pty over SCM_RIGHTS) is missing');
  const sock = await openConsoleSocket(py, ctx.workDir);
  try {
    // stdout/stderr files as in running.ts's attempt(), so a refusal keeps the runtime's message.
    const opts = { consoleSocket: sock.path, stdoutPath: ctx.stdoutPath, stderrPath: ctx.stderrPath };
    const created = await ctx.runtime.create(ctx.id, ctx.bundle, opts);
    if (!ctx.expect(main, succeeded(created), { message: 'create with --console-socket failed', actual: created.stderr.trim().slice(-300) })) return '';
    const started = await ctx.runtime.start(ctx.id);
    if (!ctx.expect(main, succeeded(started), { message: 'start failed', actual: started.stderr.trim().slice(-300) })) return '';
    await ctx.waitStopped();
    await sock.closed(5000);
    return await sock.output();
  } finally {
    sock.close();
  }
}
