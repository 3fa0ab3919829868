import { hookWhenCase } from './_lib/when-case.js';

/** createRuntime hooks run as part of create, before it returns. */
export default hookWhenCase({
  slug: 'create-runtime',
  title: 'createRuntime hooks run during create',
  kind: 'createRuntime',
  when: 'CFG-HOOKS-CREATERUNTIME-WHEN',
  invoked: 'RT-HOOK-CREATERUNTIME-INVOKED',
  after: undefined,
  before: 'created',
  what: 'before create returned',
});
