import { defineCase } from '../case.js';
import { checkDocument } from './_lib/document.js';

/**
 * The state document of a running container, validated by our own validator
 * (kind state) with zero errors, plus id, bundle and status. While the program runs: status running, with the pid of the program.
 */
export default defineCase({
  id: 'state.document.running',
  title: 'state of a running container is a valid state document with our id, bundle and status running',
  requirements: ['RT-QUERY-STATE-RETURNS-STATE', 'RT-STATE-JSON-SCHEMA', 'RT-STATE-STATUS-VALUES', 'RT-STATE-BUNDLE-ABSOLUTE', 'RT-STATE-PID-REQUIRED-LINUX'],
  needs: ['root'],
  config: (c) => c.withScript('echo up; exec sleep 600'),
  run: async (ctx) => {
    await ctx.create();
    await ctx.start();
    await ctx.waitForOutput('up');
    await checkDocument(ctx, 'running');
  },
});
