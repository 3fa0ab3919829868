import { readFile } from 'node:fs/promises';
import { defineCase } from '../case.js';

/** domainname (1.1.0 on) is the NIS domain name the container sees; the host keeps its own. */
export default defineCase({
  id: 'process.domainname',
  title: 'domainname is what the container sees as its domain name, and the host keeps its own',
  requirements: ['CFG-DOMAINNAME-APPLIED'],
  config: (c) => c.withDomainname('h8.conform.example').withScript('cat /proc/sys/kernel/domainname'),
  run: async (ctx) => {
    const before = await readFile('/proc/sys/kernel/domainname', 'utf8');
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('CFG-DOMAINNAME-APPLIED', '/proc/sys/kernel/domainname inside', 'h8.conform.example\n', stdout);
    ctx.expectEqual('CFG-DOMAINNAME-APPLIED', 'the domain name of the host after the run', before, await readFile('/proc/sys/kernel/domainname', 'utf8'));
  },
});
