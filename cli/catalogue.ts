/**
 * `npm run catalogue`: requirements per document and level, and how many are
 * checked by what. main() returns the exit code; the file runs it only when
 * it is the script started (tsx cli/catalogue.ts), never when imported.
 */
import { pathToFileURL } from 'node:url';
import { EXIT, OciError } from '../core/errors.js';
import { coverageByDoc } from '../spec/coverage.js';
import { staticCitations } from '../validators/citations.js';
import { CASES } from '../harness/generated/cases.js';
import { internalError } from './failure.js';
import { helpText, packageVersion, parseCommandLine, type CliSpec } from './options.js';

export interface CatalogueIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const STDIO: CatalogueIo = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t) };

export const CATALOGUE_CLI: CliSpec<object> = {
  tool: 'catalogue',
  usageCode: 'OCI_USAGE',
  synopsis: 'Usage: npm run catalogue [-- options]\n\nPrints the requirements per spec document and level, and how many are checked statically, behaviourally or not at all.',
  options: [],
  exits: [
    ['0', 'printed'],
    ['2', 'usage error'],
    ['4', 'internal error: a bug of ours (please report it)'],
  ],
};

export async function main(argv: readonly string[], io: CatalogueIo = STDIO): Promise<number> {
  try {
    const cl = parseCommandLine(CATALOGUE_CLI, argv, {});
    if (cl.action === 'help') io.out(`${helpText(CATALOGUE_CLI)}\n`);
    else if (cl.action === 'version') io.out(`${packageVersion(import.meta.url)}\n`);
    else if (cl.positionals.length > 0) throw new OciError('OCI_USAGE', `unexpected argument ${cl.positionals[0]} (see --help)`);
    else io.out(await table());
    return EXIT.ok;
  } catch (e) {
    if (!(e instanceof OciError)) return internalError('catalogue', e, io.err);
    io.err(`catalogue: ${e.message}\n`);
    return e.exitCode;
  }
}

async function table(): Promise<string> {
  const behavioural = new Set(CASES.flatMap((c) => [...c.definition.requirements, ...(c.definition.also ?? [])]));
  const rows = coverageByDoc({ static: await staticCitations(), behavioural });
  const head = ['spec', 'document', 'total', 'MUST', 'SHOULD', 'static', 'behav.', 'untestable', 'unchecked'];
  const table = rows.map((r) => [r.spec, r.doc, r.total, r.byLevel.MUST, r.byLevel.SHOULD, r.staticallyChecked, r.behaviourallyChecked, r.untestable, r.unchecked].map(String));
  const sum = (i: number): string => String(table.reduce((a, r) => a + Number(r[i]), 0));
  table.push(['all', '', sum(2), sum(3), sum(4), sum(5), sum(6), sum(7), sum(8)]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    line(head),
    ...table.map(line),
    '',
    `static: cited by a schema annotation, a rule or a layout check of oci-validate; behav.: cited by an oci-conform case (${CASES.length} cases);`,
    'unchecked: neither yet, and not marked untestable. A requirement may count in both static and behav.',
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main(process.argv.slice(2));
