/** `npm run catalogue`: requirements per document and level, and how many are checked by what. */
import { coverageByDoc } from '../spec/coverage.js';
import { staticCitations } from '../validators/citations.js';
import { CASES } from '../harness/generated/cases.js';

const behavioural = new Set(CASES.flatMap((c) => [...c.definition.requirements, ...(c.definition.also ?? [])]));
const rows = coverageByDoc({ static: await staticCitations(), behavioural });
const head = ['spec', 'document', 'total', 'MUST', 'SHOULD', 'static', 'behav.', 'untestable', 'unchecked'];
const table = rows.map((r) => [r.spec, r.doc, r.total, r.byLevel.MUST, r.byLevel.SHOULD, r.staticallyChecked, r.behaviourallyChecked, r.untestable, r.unchecked].map(String));
const sum = (i: number): string => String(table.reduce((a, r) => a + Number(r[i]), 0));
table.push(['all', '', sum(2), sum(3), sum(4), sum(5), sum(6), sum(7), sum(8)]);
const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
const line = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(line(head));
for (const r of table) console.log(line(r));
console.log(`\nstatic: cited by a schema annotation, a rule or a layout check of oci-validate; behav.: cited by an oci-conform case (${CASES.length} cases);`);
console.log('unchecked: neither yet, and not marked untestable. A requirement may count in both static and behav.');
