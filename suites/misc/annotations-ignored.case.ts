import { defineCase } from '../case.js';

const ANNOTATIONS: Readonly<Record<string, string>> = {
  'org.example.h8.plain': 'value',
  'org.example.h8.empty': '',
  'org.example.h8.json': '{"not":"parsed"}',
};

/** Annotations the runtime does not know are treated like unknown properties: ignored, the container runs (1.0.2 on). */
export default defineCase({
  id: 'misc.annotations.unknown-ignored',
  title: 'unknown annotations do not stop the container',
  requirements: ['CFG-ANNOTATIONS-UNKNOWN-AS-PROPERTY'],
  config: (c) => Object.entries(ANNOTATIONS).reduce((b, [k, v]) => b.withAnnotation(k, v), c).withScript('echo ran'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('CFG-ANNOTATIONS-UNKNOWN-AS-PROPERTY', 'container stdout', 'ran\n', stdout);
  },
});
