import { attempt, defineCase, HOLD } from '../case.js';

/** Up to 1.0.2: a capability name the kernel has no number for makes the runtime fail. */
export default defineCase({
  id: 'process.capabilities.unknown-error',
  title: 'up to 1.0.2, an unknown capability name is an error',
  requirements: ['CFG-CAPABILITIES-UNMAPPABLE-ERROR'],
  config: (c) => c.withCapabilities({ bounding: ['CAP_KILL', 'CAP_H8_NO_SUCH_CAPABILITY'] }).withScript(HOLD),
  run: async (ctx) => {
    const a = await attempt(ctx.runtime, ctx);
    ctx.expectError('CFG-CAPABILITIES-UNMAPPABLE-ERROR', a.call, 'create/start with CAP_H8_NO_SUCH_CAPABILITY in the bounding set');
  },
});
