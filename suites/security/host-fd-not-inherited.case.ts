import { defineCase } from '../case.js';
import { extraFds, parseFdListing } from './_lib/escape.js';

/**
 * The container process, first thing, lists its own descriptors
 * (`ls -l /proc/$$/fd` from a child, so the listing's own descriptor is the
 * child's). The config asks for none beyond stdio, so any fd from 3 on is one
 * the runtime let through (CVE-2024-21626: runc's leaked handle of the host's
 * /sys/fs/cgroup), reported with what it points to.
 */
export default defineCase({
  id: 'security.host-fd-not-inherited',
  title: 'the container process starts with only stdin, stdout and stderr open',
  requirements: ['RTL-FDS-STDIO-ONLY'],
  config: (c) => c.withScript('ls -l /proc/$$/fd; echo "cwd $(readlink /proc/$$/cwd)"'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    const fds = parseFdListing(stdout);
    ctx.note(`descriptors at start: ${fds.map((f) => `${f.fd} -> ${f.target}`).join(', ') || '(none listed)'}; ${stdout.split('\n').find((l) => l.startsWith('cwd ')) ?? ''}`);
    if (fds.length === 0) ctx.skip(`the container's listing of /proc/$$/fd showed no descriptor at all (stdout: ${JSON.stringify(stdout.slice(0, 200))})`);
    for (const f of extraFds(fds)) {
      ctx.expect('RTL-FDS-STDIO-ONLY', false, {
        message: `the container process starts with fd ${f.fd} open, pointing to ${f.target}; only 0, 1 and 2 were asked for`,
        expected: 'fds 0, 1, 2',
        actual: `${f.fd} -> ${f.target}`,
      });
    }
  },
});
