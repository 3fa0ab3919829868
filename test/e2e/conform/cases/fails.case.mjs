// A test-only case (loaded with --case-file) that always reports one violation of a MUST.
export default {
  id: 'test.always-fails',
  title: 'records a violation of its requirement',
  requirements: ['RT-KILL-SENDS-SIGNAL'],
  run: async (ctx) => {
    ctx.expect('RT-KILL-SENDS-SIGNAL', false, { message: 'this case always fails', expected: 1, actual: 2 });
  },
};
