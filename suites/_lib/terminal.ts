/**
 * Runs the case's container with process.terminal through the harness's
 * console socket (`withTerminal()` + `needs: ['console-socket']`): the
 * harness's receiver copies the terminal's output into the stdout file.
 */
import type { CaseContext, RequirementId } from '../case.js';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * create + start + wait for the exit, then the terminal's output with CR LF
 * turned into LF. The receiver copies the pty into the stdout file on its own,
 * so the last bytes may land just after the container stopped: wait (at most
 * `settleMs`) for `lines` complete lines; whatever is there then is returned
 * and the case's assertions judge it.
 */
export async function runWithTerminal<R extends RequirementId>(ctx: CaseContext<R>, lines: number, settleMs = 2000): Promise<string> {
  let out = (await ctx.runToExit()).stdout;
  for (let waited = 0; out.split('\n').length - 1 < lines && waited < settleMs; waited += 20) {
    await sleep(20);
    out = await ctx.readStdout();
  }
  return out.replace(/\r\n/g, '\n');
}
