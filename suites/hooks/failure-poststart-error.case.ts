import { defineCase, rawState } from '../case.js';
import { describeLog, indexOf } from './_lib/rig.js';
import { runScenario } from './_lib/scenario.js';

/**
 * Since 1.3.0 a failing poststart hook is an error: the operation that ran it
 * fails, and the container is stopped (and destroyed, or left stopped for
 * delete). When the hook runs is hooks.when.poststart's business: a runtime
 * that runs poststart during create must make create fail, one that runs it
 * during start must make start fail.
 */
export default defineCase({
  id: 'hooks.failure.poststart-error',
  title: 'a failing poststart hook makes the operation that ran it fail and stops the container (runtime-spec 1.3.0 and later)',
  requirements: ['RT-HOOK-POSTSTART-FAIL-ERROR', 'RT-HOOK-POSTSTART-INVOKED'],
  run: async (ctx) => {
    const r = await runScenario(ctx, (c, rig) => c.withHook('poststart', rig.hook('poststart', { rc: 1 })), { until: 'start' });
    const i = indexOf(r.log, 'poststart');
    if (!ctx.expect('RT-HOOK-POSTSTART-INVOKED', i >= 0, { message: `the poststart hook never ran (log: ${describeLog(r.log)})` })) return;
    const created = indexOf(r.log, 'created', 'mark');
    const during = created >= 0 && i < created ? 'create' : 'start';
    ctx.expect('RT-HOOK-POSTSTART-FAIL-ERROR', r.failedAt === during, {
      message:
        r.failedAt === undefined
          ? `the failing poststart hook ran during ${during}, and ${during} reported success (log: ${describeLog(r.log)})`
          : `the failing poststart hook ran during ${during}, but ${r.failedAt} is what failed (log: ${describeLog(r.log)})`,
      expected: `${during} fails`,
      actual: r.failedAt ?? 'no operation failed',
    });
    const { call, state } = await rawState(ctx.runtime, r.container.id);
    ctx.expect('RT-HOOK-POSTSTART-FAIL-ERROR', call.exitCode !== 0 || state?.status === 'stopped', {
      message: `after the failed poststart hook the container is ${state?.status}`,
      expected: 'stopped, or no such container',
      actual: state?.status,
    });
  },
});
