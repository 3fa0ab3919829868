import { readFile } from 'node:fs/promises';
import { defineCase } from '../case.js';
import { needSpec } from './_lib/version.js';

/** domainname (1.1.0 on) is the NIS domain name the container sees; the host keeps its own. */
export default defineCase({
  id: 'process.domainname',
  title: 'domainname is what the container sees as its domain name, and the host keeps its own',
  requirements: ['RT-CREATE-APPLY-CONFIG'],
  needs: ['root'],
  config: (c) => c.withDomainname('h8.conform.example').withScript('cat /proc/sys/kernel/domainname'),
  run: async (ctx) => {
    needSpec(ctx, '1.1.0', 'domainname');
    const before = await readFile('/proc/sys/kernel/domainname', 'utf8');
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('RT-CREATE-APPLY-CONFIG', '/proc/sys/kernel/domainname inside', 'h8.conform.example\n', stdout);
    ctx.expectEqual('RT-CREATE-APPLY-CONFIG', 'the domain name of the host after the run', before, await readFile('/proc/sys/kernel/domainname', 'utf8'));
  },
});
