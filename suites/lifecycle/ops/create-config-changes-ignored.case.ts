import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineCase } from '../../case.js';

/** After create, rewriting config.json (a different program) must not change what start runs. */
export default defineCase({
  id: 'lifecycle.ops.create.config-changes-ignored',
  title: 'changes to config.json after create have no effect on the container',
  requirements: ['RT-LIFECYCLE-CONFIG-CHANGES-IGNORED'],
  config: (c) => c.withScript('echo original'),
  run: async (ctx) => {
    await ctx.create();
    const path = join(ctx.bundle, 'config.json');
    const doc = JSON.parse(await readFile(path, 'utf8')) as { process: { args: string[] } };
    doc.process.args = ['/bin/sh', '-c', 'echo changed'];
    await writeFile(path, JSON.stringify(doc, null, 2));
    await ctx.start();
    await ctx.waitStopped();
    ctx.expectEqual('RT-LIFECYCLE-CONFIG-CHANGES-IGNORED', 'container stdout', 'original\n', await ctx.readStdout());
  },
});
