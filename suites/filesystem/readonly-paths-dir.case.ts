import { readFile } from 'node:fs/promises';
import { defineCase, HOLD, startHeld } from '../case.js';
import { containerMount } from './_lib/mounts.js';
import { putInRootfs } from './_lib/write.js';

/** A path in linux.readonlyPaths can be read but not written, and is a read-only mount inside. */
export default defineCase({
  id: 'filesystem.readonly-paths.directory',
  title: 'a read-only path can be read but not written',
  requirements: ['LNX-READONLY-PATHS-APPLIED'],
  config: (c) =>
    c
      .withReadonlyPaths('/proc/sys', '/etc/h8-ro-dir')
      .withScript(`cat /etc/h8-ro-dir/file; if echo changed > /etc/h8-ro-dir/file 2>/dev/null; then echo wrote; else echo refused; fi; ${HOLD}`),
  run: async (ctx) => {
    const file = await putInRootfs(ctx.bundle, '/etc/h8-ro-dir/file', 'original\n');
    const pid = await startHeld(ctx);
    ctx.expectEqual('LNX-READONLY-PATHS-APPLIED', 'reading, then writing /etc/h8-ro-dir/file inside', 'original\nrefused\nready\n', await ctx.readStdout());
    const m = await containerMount(pid, '/etc/h8-ro-dir');
    ctx.expect('LNX-READONLY-PATHS-APPLIED', !!m?.options.includes('ro'), { message: '/etc/h8-ro-dir is not a read-only mount in the container', expected: 'ro', actual: m?.options });
    ctx.expectEqual('LNX-READONLY-PATHS-APPLIED', 'the rootfs file after the attempt', 'original\n', await readFile(file, 'utf8'));
  },
});
