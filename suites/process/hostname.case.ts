import { hostname } from 'node:os';
import { defineCase } from '../case.js';

/** hostname is the host name the container sees, set in its own uts namespace (ours stays as it was). */
export default defineCase({
  id: 'process.hostname',
  title: 'hostname is what the container sees as its host name, and the host keeps its own',
  requirements: ['CFG-HOSTNAME-APPLIED'],
  config: (c) => c.withHostname('h8-conform-host').withScript('hostname'),
  run: async (ctx) => {
    const before = hostname();
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('CFG-HOSTNAME-APPLIED', '`hostname` inside', 'h8-conform-host\n', stdout);
    ctx.expectEqual('CFG-HOSTNAME-APPLIED', 'the host name of the host after the run', before, hostname());
  },
});
