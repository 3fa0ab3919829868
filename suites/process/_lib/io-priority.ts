/**
 * process.ioPriority (1.1.0 on), one case per class: the io priority of the
 * process, read with ionice -p from the host, matches what the config set.
 */
import { type CaseDefinition, defineCase, HOLD, type JsonObject, readIoPriority, startHeld } from '../../case.js';

export interface IoPriorityRow {
  readonly slug: string;
  readonly ioPriority: { readonly class: string; readonly priority: number };
  /** The part of ionice's answer that must match (the idle class has no level to compare). */
  readonly expected: JsonObject;
}

export function ioPriorityCase(row: IoPriorityRow): CaseDefinition {
  const { slug, ioPriority, expected } = row;
  return defineCase({
    id: `process.io-priority.${slug}`,
    title: `process.ioPriority ${ioPriority.class} is the io priority of the process`,
    requirements: ['CFG-IOPRIORITY-APPLIED'],
    needs: ['root'],
    config: (c) => c.withScript(HOLD).merge({ process: { ioPriority: { ...ioPriority } } }),
    run: async (ctx) => {
      const got = await readIoPriority(await startHeld(ctx));
      if (!got) ctx.skip('the io priority is unreadable here (util-linux ionice -p failed or is missing on the host)');
      ctx.expectMatch('CFG-IOPRIORITY-APPLIED', 'io priority of the process (ionice -p)', expected, got);
    },
  });
}
