import { hookWhenCase } from './_lib/when-case.js';

/** Since 1.1.0 prestart hooks run as part of create: before create returns. */
export default hookWhenCase({
  slug: 'prestart-at-create',
  title: 'prestart hooks run during create (runtime-spec 1.1.0 and later)',
  kind: 'prestart',
  when: 'CFG-HOOKS-PRESTART-AT-CREATE',
  invoked: 'RT-HOOK-PRESTART-INVOKED',
  after: undefined,
  before: 'created',
  what: 'before create returned',
});
