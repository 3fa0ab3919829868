import { defineCase } from '../../case.js';
import { namespaceId, sameNamespace } from '../../../harness/inspect/namespaces.js';
import { HOLD, startHeld } from '../../process/_lib/running.js';
import { NS_INFO, withOwn } from './_lib/types.js';

/** A pid entry without a path gives the container a new pid namespace: /proc/<pid>/ns differs from ours. */
export default defineCase({
  id: 'linux.namespaces.create.pid',
  title: 'a pid namespace entry without path creates a new pid namespace',
  requirements: ['LNX-NS-CREATE'],
  needs: NS_INFO.pid.needs,
  config: (c) => withOwn(c, 'pid').withScript(HOLD),
  run: async (ctx) => {
    const pid = await startHeld(ctx);
    const [host, mine] = await Promise.all([namespaceId('self', 'pid'), namespaceId(pid, 'pid')]);
    ctx.expect('LNX-NS-CREATE', !sameNamespace(host, mine), {
      message: 'the container is still in the pid namespace of the runtime, not a new one',
      expected: `not ${host.link}`,
      actual: mine.link,
    });
  },
});
