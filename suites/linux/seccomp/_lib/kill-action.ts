/**
 * The kill actions (SCMP_ACT_KILL, _KILL_PROCESS, _KILL_THREAD) on
 * mkdir/mkdirat, one case each: the mkdir process dies of SIGSYS (exit status
 * 159 = 128 + 31 in the shell) and makes nothing; the shell lives on.
 */
import { type CaseDefinition, defineCase, type RequirementId } from '../../../case.js';
import { allowExcept, MKDIR_NAMES, MKDIR_PROBE, parseProbe } from './profiles.js';

/** linux.seccomp.<slug>: `action` on mkdir kills mkdir with SIGSYS, charged to `requirement`. */
export function killActionCase(slug: string, action: string, requirement: RequirementId): CaseDefinition {
  return defineCase({
    id: `linux.seccomp.${slug}`,
    title: `${action} kills the process making the named syscall with SIGSYS`,
    requirements: [requirement],
    needs: ['seccomp'],
    config: (c) => c.withSeccomp(allowExcept(MKDIR_NAMES, action)).withScript(MKDIR_PROBE),
    run: async (ctx) => {
      const p = parseProbe((await ctx.runToExit()).stdout);
      ctx.expectEqual(requirement, 'exit status of mkdir (128 + SIGSYS)', 159, p.rc);
      ctx.expectEqual(requirement, 'the killed mkdir made /tmp/probe', false, p.made);
      ctx.expectEqual(requirement, 'touch (not filtered) worked', true, p.touchOk);
    },
  });
}
