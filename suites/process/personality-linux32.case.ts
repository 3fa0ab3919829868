import { defineCase } from '../case.js';
import { personalityDomain, readPersonality } from '../../harness/inspect/process.js';
import { HOLD, startHeld } from './_lib/running.js';
import { needSpec } from './_lib/version.js';

/** linux.personality (1.0.2 on) with domain LINUX32 is the execution domain of the process (/proc/<pid>/personality). */
export default defineCase({
  id: 'process.personality.linux32',
  title: 'linux.personality LINUX32 is the personality of the process',
  requirements: ['RT-CREATE-APPLY-CONFIG'],
  needs: ['root'],
  config: (c) => c.withScript(HOLD).withLinux({ personality: { domain: 'LINUX32' } }),
  run: async (ctx) => {
    needSpec(ctx, '1.0.2', 'linux.personality');
    const word = await readPersonality(await startHeld(ctx));
    ctx.expectEqual('RT-CREATE-APPLY-CONFIG', 'execution domain of /proc/<pid>/personality', 'LINUX32', personalityDomain(word));
  },
});
