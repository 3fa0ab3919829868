/** `npm run catalogue`: requirements per document and level, and how many are checked by what. */
import { coverageByDoc } from './coverage.js';
import { staticCitations } from '../validators/citations.js';

const rows = coverageByDoc({ static: await staticCitations(), behavioural: new Set() });
const head = ['spec', 'document', 'total', 'MUST', 'SHOULD', 'static', 'behav.', 'untestable', 'unchecked'];
const table = rows.map((r) => [r.spec, r.doc, r.total, r.byLevel.MUST, r.byLevel.SHOULD, r.staticallyChecked, r.behaviourallyChecked, r.untestable, r.unchecked].map(String));
const sum = (i: number): string => String(table.reduce((a, r) => a + Number(r[i]), 0));
table.push(['all', '', sum(2), sum(3), sum(4), sum(5), sum(6), sum(7), sum(8)]);
const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
const line = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(line(head));
for (const r of table) console.log(line(r));
