import { defineCase } from '../case.js';
import { HOLD } from '../process/_lib/running.js';

const ANNOTATIONS: Readonly<Record<string, string>> = { 'org.example.h8.one': '1', 'org.example.h8.two': 'two words' };

/**
 * The state may leave annotations out (or give an empty map) only when the
 * config has none; when it reports them, they are the config's.
 */
export default defineCase({
  id: 'misc.annotations.in-state',
  title: "annotations in the state, when present, are the config's annotations",
  requirements: ['RT-QUERY-STATE-RETURNS-STATE'],
  needs: ['root'],
  config: (c) => Object.entries(ANNOTATIONS).reduce((b, [k, v]) => b.withAnnotation(k, v), c).withScript(HOLD),
  run: async (ctx) => {
    await ctx.create();
    const s = await ctx.state();
    const raw = (s.raw as Record<string, unknown>).annotations;
    if (raw === undefined) {
      ctx.note('the state has no annotations property (allowed: they are optional in the state)');
      return;
    }
    ctx.expectEqual('RT-QUERY-STATE-RETURNS-STATE', 'state.annotations', ANNOTATIONS, raw);
  },
});
