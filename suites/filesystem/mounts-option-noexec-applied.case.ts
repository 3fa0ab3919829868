import { defineCase } from '../case.js';
import { chargeable } from '../_lib/requirements.js';

interface Seen {
  readonly control: string;
  readonly controlRc: number;
  readonly noexec: string;
  readonly noexecRc: number;
}

/**
 * On a noexec mount a program cannot be run. The program is a copy of busybox
 * named `echo` (busybox picks its applet from its name, so the copy really runs
 * when exec works), put on two tmpfs mounts: one without noexec, where it must
 * run (else nothing can be told and the case skips), and one with noexec, where
 * exec must be refused (the shell's status 126: EACCES), not run.
 */
export default defineCase({
  id: 'filesystem.mounts.option.noexec-applied',
  title: 'a program on a noexec mount cannot be executed',
  requirements: ['CFG-MOUNT-OPTIONS-APPLIED'],
  also: ['CFG-MOUNT-OPTION-NOEXEC'],
  config: (c) =>
    c
      .withMount({ destination: '/mnt/h8-exec', type: 'tmpfs', source: 'tmpfs', options: ['size=4m'] })
      .withMount({ destination: '/mnt/h8-noexec', type: 'tmpfs', source: 'tmpfs', options: ['noexec', 'size=4m'] })
      .withScript(
        [
          'cp /bin/busybox /mnt/h8-exec/echo; cp /bin/busybox /mnt/h8-noexec/echo',
          'c=$(/mnt/h8-exec/echo ran 2>&1); crc=$?',
          'n=$(/mnt/h8-noexec/echo ran 2>&1); nrc=$?',
          'printf \'{"control":"%s","controlRc":%d,"noexec":"%s","noexecRc":%d}\\n\' "$(echo "$c" | tr -d \'"\\\\\')" $crc "$(echo "$n" | tr -d \'"\\\\\')" $nrc',
        ].join('\n'),
      ),
  run: async (ctx) => {
    const req = chargeable(ctx, 'CFG-MOUNT-OPTION-NOEXEC', 'CFG-MOUNT-OPTIONS-APPLIED');
    const seen = await ctx.inside<Seen>();
    if (seen.control !== 'ran' || seen.controlRc !== 0) {
      ctx.skip(`the copy of busybox did not run from a tmpfs without noexec either (${seen.controlRc}: ${seen.control}), so a refusal could not be told from a failure of the copy`);
    }
    ctx.expect(req, seen.noexec !== 'ran', { message: 'a copy of busybox on the noexec mount ran', expected: 'exec refused', actual: { output: seen.noexec, status: seen.noexecRc } });
    ctx.expectEqual(req, 'exit status of the shell after exec from the noexec mount (126: EACCES)', 126, seen.noexecRc);
  },
});
