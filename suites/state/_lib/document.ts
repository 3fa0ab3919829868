/**
 * The checks every state document gets, whatever the status: our validator
 * finds no error, the id is the one we created, the bundle is the absolute
 * bundle directory we passed, and (created/running on Linux) pid is the
 * container process the pid file names. `stateDocumentCase` makes the case
 * of each status.
 */
import { type CaseContext, type CaseDefinition, type ContainerState, defineCase, stateErrors } from '../../case.js';
import { startUp, UP } from '../../_lib/lifecycle.js';

export type DocumentReq = 'RT-QUERY-STATE-RETURNS-STATE' | 'RT-STATE-JSON-SCHEMA' | 'RT-STATE-PID-REQUIRED-LINUX' | 'RT-STATE-BUNDLE-ABSOLUTE' | 'RT-STATE-STATUS-VALUES';

export async function checkDocument(ctx: CaseContext<DocumentReq>, expectedStatus: string): Promise<ContainerState> {
  const call = await ctx.runtime.state(ctx.id);
  const s = await ctx.state();
  const errors = await stateErrors(call.stdout, `state of ${ctx.id}`);
  ctx.expect('RT-STATE-JSON-SCHEMA', errors.length === 0, { message: `the state document fails validation: ${errors.join('; ')}`, expected: 'no errors', actual: errors });
  ctx.expectEqual('RT-QUERY-STATE-RETURNS-STATE', 'state.id', ctx.id, s.id);
  ctx.expectEqual('RT-STATE-STATUS-VALUES', 'state.status', expectedStatus, s.status);
  ctx.expectEqual('RT-STATE-BUNDLE-ABSOLUTE', 'state.bundle', ctx.bundle, s.bundle);
  if (expectedStatus === 'created' || expectedStatus === 'running') {
    ctx.expectEqual('RT-STATE-PID-REQUIRED-LINUX', 'state.pid (against the --pid-file)', await ctx.pid(), s.pid);
  }
  return s;
}

/** How a case brings its container (running `script`) to each status before reading its state. */
const REACH: Readonly<Record<'created' | 'running' | 'stopped', { readonly script: string; readonly reach: (ctx: CaseContext<DocumentReq>) => Promise<unknown> }>> = {
  created: { script: 'echo ran', reach: (ctx) => ctx.create() },
  running: { script: UP, reach: startUp },
  stopped: { script: 'echo ran', reach: (ctx) => ctx.runToExit() },
};

/** state.document.<status>: the container brought to `status`, then its state document gets `checkDocument`. */
export function stateDocumentCase(status: keyof typeof REACH): CaseDefinition {
  const { script, reach } = REACH[status];
  return defineCase({
    id: `state.document.${status}`,
    title: `state of a ${status} container is a valid state document with our id, bundle and status ${status}`,
    requirements: ['RT-QUERY-STATE-RETURNS-STATE', 'RT-STATE-JSON-SCHEMA', 'RT-STATE-STATUS-VALUES', 'RT-STATE-BUNDLE-ABSOLUTE', 'RT-STATE-PID-REQUIRED-LINUX'],
    config: (c) => c.withScript(script),
    run: async (ctx) => {
      await reach(ctx);
      await checkDocument(ctx, status);
    },
  });
}
