import { attempt, defineCase, HOLD } from '../../case.js';

/**
 * A namespace path that refers to a namespace of another type is an error:
 * here the ipc entry names a network namespace (our own, which a runtime that
 * wrongly accepted it could only join as a network namespace, not change).
 */
export default defineCase({
  id: 'linux.namespaces.path-type-mismatch',
  title: 'an ipc entry whose path is a network namespace is an error',
  requirements: ['LNX-NS-PATH-TYPE-MATCH'],
  config: (c) => c.withNamespace('ipc', `/proc/${process.pid}/ns/net`).withScript(HOLD),
  run: async (ctx) => {
    const a = await attempt(ctx.runtime, ctx);
    ctx.expectError('LNX-NS-PATH-TYPE-MATCH', a.call, `create/start with an ipc namespace path of /proc/${process.pid}/ns/net`);
  },
});
