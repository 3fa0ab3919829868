import { hookWhenCase } from './_lib/when-case.js';

/** startContainer hooks run after start is called and before the user program runs. */
export default hookWhenCase({
  slug: 'start-container',
  title: 'startContainer hooks run during start, before the user program',
  kind: 'startContainer',
  when: 'CFG-HOOKS-STARTCONTAINER-WHEN',
  invoked: 'RT-HOOK-STARTCONTAINER-INVOKED',
  hook: { inContainer: true },
  after: 'created',
  before: 'program',
  what: 'after create returned and before the user program',
});
