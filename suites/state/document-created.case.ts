import { defineCase } from '../case.js';
import { checkDocument } from './_lib/document.js';

/**
 * The state document of a created container, validated by our own validator
 * (kind state) with zero errors, plus id, bundle and status. After create: status created, with the pid of the waiting container process.
 */
export default defineCase({
  id: 'state.document.created',
  title: 'state of a created container is a valid state document with our id, bundle and status created',
  requirements: ['RT-QUERY-STATE-RETURNS-STATE', 'RT-STATE-JSON-SCHEMA', 'RT-STATE-STATUS-VALUES', 'RT-STATE-BUNDLE-ABSOLUTE', 'RT-STATE-PID-REQUIRED-LINUX'],
  needs: ['root'],
  config: (c) => c.withScript('echo ran'),
  run: async (ctx) => {
    await ctx.create();
    await checkDocument(ctx, 'created');
  },
});
