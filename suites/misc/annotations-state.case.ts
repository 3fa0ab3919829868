import { defineCase, HOLD } from '../case.js';

const ANNOTATIONS: Readonly<Record<string, string>> = { 'org.example.h8.one': '1', 'org.example.h8.two': 'two words' };

/**
 * The state may leave annotations out (or give an empty map) only when the
 * config has none ("if no annotations were provided"): with the config's two, a
 * state without them breaks our reading RT-STATE-ANNOTATIONS-GIVEN (a warning);
 * when it reports them, they are the config's (MUST).
 */
export default defineCase({
  id: 'misc.annotations.in-state',
  title: "annotations in the state, when present, are the config's annotations",
  requirements: ['RT-QUERY-STATE-RETURNS-STATE', 'RT-STATE-ANNOTATIONS-GIVEN'],
  config: (c) => Object.entries(ANNOTATIONS).reduce((b, [k, v]) => b.withAnnotation(k, v), c).withScript(HOLD),
  run: async (ctx) => {
    await ctx.create();
    const s = await ctx.state();
    const raw = (s.raw as Record<string, unknown>).annotations;
    if (raw === undefined || (typeof raw === 'object' && raw !== null && Object.keys(raw).length === 0)) {
      ctx.expect('RT-STATE-ANNOTATIONS-GIVEN', false, {
        message: `the state has ${raw === undefined ? 'no annotations property' : 'an empty annotations map'} although the config gives two (absent or empty is for a config without annotations)`,
        expected: ANNOTATIONS,
        actual: raw,
      });
      return;
    }
    ctx.expectEqual('RT-QUERY-STATE-RETURNS-STATE', 'state.annotations', ANNOTATIONS, raw);
  },
});
