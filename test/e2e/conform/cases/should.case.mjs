// A test-only case citing a SHOULD-level requirement (LNX-NS-TYPES-SUPPORTED) that it always violates.
export default {
  id: 'test.should',
  title: 'violates a SHOULD',
  requirements: ['LNX-NS-TYPES-SUPPORTED'],
  run: async (ctx) => {
    ctx.expect('LNX-NS-TYPES-SUPPORTED', false, { message: 'a SHOULD is not met' });
  },
};
