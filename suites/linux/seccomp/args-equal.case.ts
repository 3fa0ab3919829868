import { defineCase } from '../../case.js';
import { chmodModeErrno } from './_lib/profiles.js';

/**
 * A rule with an argument condition blocks only matching calls: chmod with
 * mode 0777 (chmod's arg 1, fchmodat's arg 2, SCMP_CMP_EQ 511) fails with
 * EPERM, chmod 0755 of the same directory works.
 */
export default defineCase({
  id: 'linux.seccomp.args-equal',
  title: 'a rule with an SCMP_CMP_EQ argument condition blocks only the calls whose argument matches',
  requirements: ['LNX-SECCOMP-ARGS-APPLIED'],
  needs: ['seccomp'],
  config: (c) =>
    c
      .withSeccomp(chmodModeErrno({ value: 511, op: 'SCMP_CMP_EQ' }))
      .withScript('mkdir /tmp/d; chmod 777 /tmp/d 2>/dev/null; echo "c777=$?"; chmod 755 /tmp/d; echo "c755=$?"; stat -c "mode=%a" /tmp/d'),
  run: async (ctx) => {
    const { stdout } = await ctx.runToExit();
    ctx.expectEqual('LNX-SECCOMP-ARGS-APPLIED', 'chmod 777 / chmod 755 / final mode', 'c777=1\nc755=0\nmode=755\n', stdout);
  },
});
