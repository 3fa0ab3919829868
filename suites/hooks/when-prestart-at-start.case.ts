import { hookWhenCase } from './_lib/when-case.js';

/** Up to 1.0.2 prestart hooks run after start is called and before the user program: after create returned, before the program's first line. */
export default hookWhenCase({
  slug: 'prestart-at-start',
  title: 'prestart hooks run after start is called, before the program (runtime-spec up to 1.0.2)',
  kind: 'prestart',
  when: 'CFG-HOOKS-PRESTART-AT-START',
  invoked: 'RT-HOOK-PRESTART-INVOKED',
  after: 'created',
  before: 'program',
  what: 'after create returned and before the user program',
});
