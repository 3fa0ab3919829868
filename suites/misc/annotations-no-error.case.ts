import { attempt, defineCase } from '../case.js';

/** Up to 1.0.1: an unknown annotation key must not make a runtime fail. */
export default defineCase({
  id: 'misc.annotations.unknown-no-error',
  title: 'up to 1.0.1, an unknown annotation does not make create or start fail',
  requirements: ['CFG-ANNOTATIONS-UNKNOWN-NO-ERROR'],
  config: (c) => c.withAnnotation('org.example.h8.unknown', 'value'),
  run: async (ctx) => {
    const a = await attempt(ctx.runtime, ctx);
    ctx.expect('CFG-ANNOTATIONS-UNKNOWN-NO-ERROR', !a.failedAt, { message: `${a.failedAt ?? ''} failed on a config with an unknown annotation`, actual: a.call.stderr.trim() });
  },
});
