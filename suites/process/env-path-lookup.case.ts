import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineCase } from '../case.js';

/**
 * The PATH of process.env is the one used to find args[0]: a program that
 * exists only in /opt/h8 (on the configured PATH, not on any default one)
 * is found and runs.
 */
export default defineCase({
  id: 'process.env.path-lookup',
  title: 'args[0] is looked up in the PATH given in process.env',
  requirements: ['CFG-PROCESS-ARGS-APPLIED'],
  config: (c) => c.withEnv('PATH=/opt/h8:/bin').withArgs('h8-only-on-path'),
  run: async (ctx) => {
    const dir = join(ctx.bundle, 'rootfs', 'opt', 'h8');
    await mkdir(dir, { recursive: true });
    const prog = join(dir, 'h8-only-on-path');
    await writeFile(prog, '#!/bin/sh\necho found-in-opt-h8\n');
    await chmod(prog, 0o755);
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('CFG-PROCESS-ARGS-APPLIED', 'stdout of the program found through PATH=/opt/h8:/bin', 'found-in-opt-h8\n', stdout);
  },
});
