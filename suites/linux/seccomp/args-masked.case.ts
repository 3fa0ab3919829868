import { defineCase } from '../../case.js';
import { chmodModeErrno } from './_lib/profiles.js';

/**
 * SCMP_CMP_MASKED_EQ compares (arg & value) with valueTwo: blocking modes
 * with the other-write bit (mask 0o002 == 0o002) refuses chmod 777 and 666
 * but lets 775 through.
 */
export default defineCase({
  id: 'linux.seccomp.args-masked',
  title: 'an SCMP_CMP_MASKED_EQ argument condition tests the masked bits only',
  requirements: ['LNX-SECCOMP-ARGS-APPLIED'],
  needs: ['seccomp'],
  config: (c) =>
    c
      .withSeccomp(chmodModeErrno({ value: 2, valueTwo: 2, op: 'SCMP_CMP_MASKED_EQ' }))
      .withScript('mkdir /tmp/d; for m in 777 666 775; do chmod $m /tmp/d 2>/dev/null; echo "c$m=$?"; done; stat -c "mode=%a" /tmp/d'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('LNX-SECCOMP-ARGS-APPLIED', 'chmod 777 / 666 / 775 / final mode', 'c777=1\nc666=1\nc775=0\nmode=775\n', stdout);
  },
});
