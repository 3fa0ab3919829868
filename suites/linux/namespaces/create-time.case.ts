import { defineCase } from '../../case.js';
import { namespaceId, sameNamespace } from '../../../harness/inspect/namespaces.js';
import { HOLD, startHeld } from '../../process/_lib/running.js';
import { NS_INFO, withOwn } from './_lib/types.js';

/** A time entry without a path gives the container a new time namespace: /proc/<pid>/ns differs from ours. */
export default defineCase({
  id: 'linux.namespaces.create.time',
  title: 'a time namespace entry without path creates a new time namespace',
  requirements: ['LNX-NS-CREATE', 'LNX-NS-TIME-TYPE'],
  needs: NS_INFO.time.needs,
  config: (c) => withOwn(c, 'time').withScript(HOLD),
  run: async (ctx) => {
    const pid = await startHeld(ctx);
    const [host, mine] = await Promise.all([namespaceId('self', 'time'), namespaceId(pid, 'time')]);
    ctx.expect('LNX-NS-CREATE', !sameNamespace(host, mine), {
      message: 'the container is still in the time namespace of the runtime, not a new one',
      expected: `not ${host.link}`,
      actual: mine.link,
    });
  },
});
