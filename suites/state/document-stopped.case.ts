import { defineCase } from '../case.js';
import { checkDocument } from './_lib/document.js';

/**
 * The state document of a stopped container, validated by our own validator
 * (kind state) with zero errors, plus id, bundle and status. After the program exited: status stopped (pid no longer required).
 */
export default defineCase({
  id: 'state.document.stopped',
  title: 'state of a stopped container is a valid state document with our id, bundle and status stopped',
  requirements: ['RT-QUERY-STATE-RETURNS-STATE', 'RT-STATE-JSON-SCHEMA', 'RT-STATE-STATUS-VALUES', 'RT-STATE-BUNDLE-ABSOLUTE', 'RT-STATE-PID-REQUIRED-LINUX'],
  needs: ['root'],
  config: (c) => c.withScript('echo ran'),
  run: async (ctx) => {
    await ctx.runToExit();
    await checkDocument(ctx, 'stopped');
  },
});
