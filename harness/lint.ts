/**
 * A check of our own checks (STYLE 3): every case cites known requirement ids,
 * names only known conditions, has a unique, well-formed id that follows its
 * file path, and a title. Run by test/harness/lint.test.ts over the real index.
 */
import { requirement } from '../spec/catalogue.js';
import { isCondition } from './conditions.js';
import type { LoadedCase } from './execute.js';

export type LintCode = 'unknown-requirement' | 'unknown-condition' | 'duplicate-id' | 'bad-id' | 'id-off-path' | 'no-title' | 'not-behavioural';

export interface LintProblem {
  readonly code: LintCode;
  readonly caseId: string;
  readonly file: string;
  readonly detail: string;
}

const ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_][a-z0-9]+)*)+$/;

/**
 * The first directory under suites/ must be the id's first segment
 * (suites/linux/... -> linux.*), so ids and files can be found from each other.
 */
function areaOfFile(file: string): string | undefined {
  const m = /(?:^|\/)suites\/([^/]+)\//.exec(file);
  return m?.[1];
}

export function lintCases(cases: readonly LoadedCase[], lookup: (id: string) => { check: { by: string } } | undefined = requirement): LintProblem[] {
  const out: LintProblem[] = [];
  const seen = new Map<string, string>();
  for (const { definition: d, file } of cases) {
    const p = (code: LintCode, detail: string): void => void out.push({ code, caseId: d.id, file, detail });
    if (!ID.test(d.id)) p('bad-id', `case id ${JSON.stringify(d.id)} is not dotted lower-case (e.g. linux.cgroups.pids.limit)`);
    const area = areaOfFile(file);
    if (area && !d.id.startsWith(`${area}.`)) p('id-off-path', `case id ${d.id} does not start with ${area}. (its file is under suites/${area}/)`);
    const prev = seen.get(d.id);
    if (prev) p('duplicate-id', `case id ${d.id} is also defined in ${prev}`);
    else seen.set(d.id, file);
    if (!d.title || !d.title.trim()) p('no-title', 'the case has no title');
    for (const r of [...d.requirements, ...(d.also ?? [])]) {
      const req = lookup(r);
      if (!req) p('unknown-requirement', `requirement ${r} is not in the catalogue (spec/)`);
      else if (req.check.by === 'static' || req.check.by === 'untestable') p('not-behavioural', `requirement ${r} is marked check.by '${req.check.by}' in the catalogue, but a case checks it`);
    }
    for (const c of d.needs ?? []) if (!isCondition(c)) p('unknown-condition', `condition ${c} is not in harness/conditions.ts`);
  }
  return out;
}
