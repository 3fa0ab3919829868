import { attempt, defineCase, HOLD } from '../../case.js';

/** Two namespaces entries of the same type are an error. */
export default defineCase({
  id: 'linux.namespaces.duplicate-type',
  title: 'two namespace entries of one type are an error',
  requirements: ['LNX-NS-DUPLICATE-TYPE'],
  config: (c) =>
    c.withScript(HOLD).edit((d) => {
      const l = d.linux as { namespaces: unknown[] };
      l.namespaces = [...l.namespaces, { type: 'uts' }];
    }),
  run: async (ctx) => {
    const a = await attempt(ctx.runtime, ctx);
    ctx.expectError('LNX-NS-DUPLICATE-TYPE', a.call, 'create/start with the uts namespace listed twice');
  },
});
