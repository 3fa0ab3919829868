/**
 * An errno return value only makes sense with an action that returns an
 * errno (SCMP_ACT_ERRNO, SCMP_ACT_TRACE); with any other the runtime must fail
 * (LNX-SECCOMP-DEFAULT-ERRNO-UNSUPPORTED, LNX-SECCOMP-ERRNO-UNSUPPORTED).
 */
import { defineRule } from '../rule.js';
import type { JsonValue } from '../../json/parse.js';
import { asString, at, prop } from '../../json/values.js';
import type { RuleFinding } from '../rule.js';
import { SECCOMP_ERRNO_ACTIONS } from './constants.js';
import { entries, inForce } from './util.js';

const REQUIREMENTS = ['LNX-SECCOMP-DEFAULT-ERRNO-UNSUPPORTED', 'LNX-SECCOMP-ERRNO-UNSUPPORTED'] as const;

function finding(id: (typeof REQUIREMENTS)[number], pointer: string, action: string, errnoKey: string, actionKey: string): RuleFinding<(typeof REQUIREMENTS)[number]> {
  return {
    requirement: id,
    pointer,
    at: 'key',
    message: `${errnoKey} is set but ${actionKey} ${action} returns no errno; only SCMP_ACT_ERRNO and SCMP_ACT_TRACE take one`,
    params: { action },
  };
}

export default defineRule({
  id: 'linux.seccomp.errno-ret-action',
  requirements: REQUIREMENTS,
  appliesTo: ['config'],
  *check(doc, ctx) {
    const seccomp: JsonValue | undefined = at(doc, 'linux', 'seccomp');
    const def = asString(prop(seccomp, 'defaultAction'));
    if (inForce('LNX-SECCOMP-DEFAULT-ERRNO-UNSUPPORTED', ctx.version) && prop(seccomp, 'defaultErrnoRet') !== undefined && def !== undefined && !SECCOMP_ERRNO_ACTIONS.has(def))
      yield finding('LNX-SECCOMP-DEFAULT-ERRNO-UNSUPPORTED', '/linux/seccomp/defaultErrnoRet', def, 'defaultErrnoRet', 'defaultAction');
    if (!inForce('LNX-SECCOMP-ERRNO-UNSUPPORTED', ctx.version)) return;
    for (const [i, sc] of entries(doc, 'linux', 'seccomp', 'syscalls')) {
      const action = asString(prop(sc, 'action'));
      if (prop(sc, 'errnoRet') === undefined || action === undefined || SECCOMP_ERRNO_ACTIONS.has(action)) continue;
      yield finding('LNX-SECCOMP-ERRNO-UNSUPPORTED', `/linux/seccomp/syscalls/${i}/errnoRet`, action, 'errnoRet', 'action');
    }
  },
});
