import { defineCase } from '../case.js';

/** The config's annotations are the container's annotations: state reports them, key for key. */
export default defineCase({
  id: 'state.annotations.from-config',
  title: 'state.annotations holds the annotations of config.json',
  requirements: ['RT-QUERY-STATE-RETURNS-STATE'],
  config: (c) => c.withAnnotation('org.example.oci-conform.one', 'first value').withAnnotation('org.example.oci-conform.two', ''),
  run: async (ctx) => {
    await ctx.create();
    const s = await ctx.state();
    ctx.expectMatch('RT-QUERY-STATE-RETURNS-STATE', 'state.annotations', { 'org.example.oci-conform.one': 'first value', 'org.example.oci-conform.two': '' }, s.annotations);
  },
});
