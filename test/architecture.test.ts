/**
 * The folders' import table, enforced. The table lives in docs/ARCHITECTURE.md
 * ("Who may import whom") and is read from there, so the picture a newcomer
 * reads and the rule this test holds are one text. Every import of every
 * source file (type-only and dynamic ones too, found by TypeScript's own
 * pre-processor) must be allowed by the row of the most specific folder that
 * holds the file; a folder may always import itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Folders of shipped code; tests, docs and configs are not held to the table. */
const SOURCE_FOLDERS = ['core', 'spec', 'fixtures', 'validators', 'reporters', 'harness', 'suites', 'cli', 'runtime', 'scripts', 'bench', 'ci'];

/** One row: files under `from` may import what `allowed` names ('*' anything); a folder, and a suite area, always itself. */
export interface Row {
  readonly from: string;
  readonly allowed: readonly string[];
}

/** The table of docs/ARCHITECTURE.md: `| \`from\` | \`a\`, \`b\` |` rows under the heading "Who may import whom". */
export function tableOf(markdown: string): Row[] {
  const start = markdown.indexOf('## Who may import whom');
  if (start < 0) throw new Error('docs/ARCHITECTURE.md has no "## Who may import whom" section');
  const section = markdown.slice(start).split('\n## ')[0]!;
  const rows: Row[] = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || !cells[1]!.startsWith('`')) continue;
    const names = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    for (const from of names(cells[1]!)) rows.push({ from, allowed: /nothing of ours/.test(cells[2]!) ? [] : names(cells[2]!) });
  }
  return rows;
}

/** The suite area of a file under suites/: `suites/process/`, `suites/linux/cgroups/`; undefined for case.ts and _lib. */
function areaOf(file: string): string | undefined {
  const parts = file.split('/');
  if (parts[0] !== 'suites' || parts.length < 3 || parts[1] === '_lib') return undefined;
  return parts[1] === 'linux' ? `suites/linux/${parts[2]}/` : `suites/${parts[1]}/`;
}

const within = (file: string, place: string): boolean => (place.endsWith('/') ? file.startsWith(place) : file === place);

/** The row that governs `file`: the most specific `from` that holds it. */
export function rowOf(table: readonly Row[], file: string): Row | undefined {
  const fits = table.filter((r) => within(file, r.from === 'suites/<area>/' ? (areaOf(file) ?? '\0') : r.from));
  return fits.sort((a, b) => b.from.length - a.from.length)[0];
}

/** Why `from` may not import `to`, or undefined when the table allows it. */
export function forbidden(table: readonly Row[], from: string, to: string): string | undefined {
  const row = rowOf(table, from);
  if (!row) return `${from} is in no row of the table`;
  const own = row.from === 'suites/<area>/' ? areaOf(from)! : row.from;
  if (within(to, own)) return undefined;
  for (const a of row.allowed) {
    if (a === '*') return undefined;
    if (within(to, a)) return undefined;
  }
  const allowed = [...row.allowed.map((a) => `\`${a}\``), ...(row.from === 'suites/<area>/' ? [`its own area ${own}`] : [])];
  return `${from} -> ${to}: row \`${row.from}\` allows ${allowed.length ? allowed.join(', ') : 'nothing of ours'}`;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(join(ROOT, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|js|mjs|cjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Our files that `file` imports (relative specifiers only: packages and node: builtins are not ours). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((s) => s.startsWith('.'))
    .map((s) => normalize(join(dirname(file), s)).replace(/\.js$/, '.ts'));
}

const TABLE = tableOf(readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8'));

describe('architecture: the import table of docs/ARCHITECTURE.md', () => {
  it('has a row for every source folder', () => {
    expect(TABLE.length).toBeGreaterThan(5);
    for (const f of SOURCE_FOLDERS) expect(TABLE.some((r) => r.from.startsWith(`${f}/`)), `${f}/`).toBe(true);
  });

  it('holds for every import of every source file', () => {
    const files = SOURCE_FOLDERS.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(500);
    const broken: string[] = [];
    for (const file of files) {
      for (const to of importsOf(file)) {
        if (relative(ROOT, join(ROOT, to)).startsWith('..')) continue;
        const why = forbidden(TABLE, file, to);
        if (why) broken.push(why);
      }
    }
    expect(broken).toEqual([]);
  });

  it('refuses what it should: a case reaching into the harness, a rule importing a reporter, spec importing anything', () => {
    expect(forbidden(TABLE, 'suites/process/caps.case.ts', 'harness/inspect/status.ts')).toMatch(/row `suites\/<area>\/`/);
    expect(forbidden(TABLE, 'suites/filesystem/x.case.ts', 'suites/process/_lib/caps.ts')).toBeDefined();
    expect(forbidden(TABLE, 'suites/filesystem/x.case.ts', 'suites/filesystem/_lib/mounts.ts')).toBeUndefined();
    expect(forbidden(TABLE, 'suites/linux/cgroups/cpu/shares.case.ts', 'suites/linux/cgroups/_lib/resources.ts')).toBeUndefined();
    expect(forbidden(TABLE, 'suites/linux/cgroups/cpu/shares.case.ts', 'suites/linux/namespaces/_lib/support.ts')).toBeDefined();
    expect(forbidden(TABLE, 'suites/_lib/terminal.ts', 'harness/context.ts')).toBeDefined();
    expect(forbidden(TABLE, 'validators/rules/x.rule.ts', 'reporters/validate/text.ts')).toBeDefined();
    expect(forbidden(TABLE, 'spec/catalogue.ts', 'core/errors.ts')).toBeDefined();
    expect(forbidden(TABLE, 'harness/run.ts', 'suites/case.ts')).toBeDefined();
    expect(forbidden(TABLE, 'reporters/conform/tap.ts', 'harness/context.ts')).toBeDefined();
    expect(forbidden(TABLE, 'reporters/conform/tap.ts', 'harness/model.ts')).toBeUndefined();
  });
});
