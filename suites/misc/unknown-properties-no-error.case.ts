import { attempt, defineCase } from '../case.js';

/** Up to 1.0.1 the spec said it outright: an unknown property must not make the runtime fail. */
export default defineCase({
  id: 'misc.unknown-properties.no-error',
  title: 'up to 1.0.1, an unknown property does not make create or start fail',
  requirements: ['CFG-EXTENSIBILITY-NO-ERROR'],
  config: (c) => c.merge({ 'org.example.h8Unknown': { any: 'thing' }, process: { h8UnknownField: 1 } }),
  run: async (ctx) => {
    const a = await attempt(ctx.runtime, ctx);
    ctx.expect('CFG-EXTENSIBILITY-NO-ERROR', !a.failedAt, { message: `${a.failedAt ?? ''} failed on a config whose only oddity is unknown properties`, actual: a.call.stderr.trim() });
  },
});
