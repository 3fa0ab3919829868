import { defineCase, HOLD, personalityDomain, readPersonality, startHeld } from '../case.js';

/** linux.personality (1.0.2 on) with domain LINUX32 is the execution domain of the process (/proc/<pid>/personality). */
export default defineCase({
  id: 'process.personality.linux32',
  title: 'linux.personality LINUX32 is the personality of the process',
  requirements: ['LNX-PERSONALITY-APPLIED'],
  config: (c) => c.withScript(HOLD).withLinux({ personality: { domain: 'LINUX32' } }),
  run: async (ctx) => {
    const word = await readPersonality(await startHeld(ctx));
    ctx.expectEqual('LNX-PERSONALITY-APPLIED', 'execution domain of /proc/<pid>/personality', 'LINUX32', personalityDomain(word));
  },
});
