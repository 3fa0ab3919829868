import { defineCase } from '../case.js';

/** Properties the spec does not define, at the top level and inside process and linux, are ignored: the container runs. */
export default defineCase({
  id: 'misc.unknown-properties',
  title: 'unknown properties in config.json are ignored and the container runs',
  requirements: ['CFG-EXTENSIBILITY-IGNORE'],
  config: (c) =>
    c
      .merge({
        'org.example.h8Unknown': { nested: [1, 2, { deep: true }] },
        process: { h8UnknownField: 'x' },
        linux: { h8UnknownLinuxField: 42 },
        root: { h8UnknownRootField: 'y' },
      })
      .withScript('echo ran'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('CFG-EXTENSIBILITY-IGNORE', 'container stdout', 'ran\n', stdout);
  },
});
