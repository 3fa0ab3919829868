import { hookWhenCase } from './_lib/when-case.js';

/** createContainer hooks run as part of create, before it returns. */
export default hookWhenCase({
  slug: 'create-container',
  title: 'createContainer hooks run during create',
  kind: 'createContainer',
  when: 'CFG-HOOKS-CREATECONTAINER-WHEN',
  invoked: 'RT-HOOK-CREATECONTAINER-INVOKED',
  after: undefined,
  before: 'created',
  what: 'before create returned',
});
