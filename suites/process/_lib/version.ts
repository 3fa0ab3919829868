/**
 * Skips a case whose config field is newer than the run's spec version, for
 * fields no behavioural catalogue requirement dates (umask, domainname,
 * scheduler, ioPriority, personality, the time namespace): the field is an unknown property at older versions, which a
 * runtime must ignore, so checking its effect there would be wrong.
 */
import { compareVersions } from '../../../spec/versions.js';

export function needSpec(ctx: { readonly specVersion: string; skip(reason: string): never }, since: string, what: string): void {
  if (compareVersions(ctx.specVersion, since) < 0) {
    ctx.skip(`${what} appeared in runtime-spec ${since}; this run targets ${ctx.specVersion}, where it is an unknown property`);
  }
}
