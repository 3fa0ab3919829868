/**
 * The properties the fuzzer checks of one input (docs/FUZZING.md), shared by the seed set in the tests and
 * `npm run fuzz`: the validator, run in-process through its library entry (validatePath), never throws
 * anything but a documented OciError (an input it refuses, exit 2), stays under a time and a memory bound,
 * places every finding at a pointer that exists in the input (or, for a missing member, whose parent does)
 * with a line:column at that value or its key, still validates a value shadowed by a duplicate key, and
 * reaches the same verdict whatever the key order and whitespace. A sample also runs through the CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { OciError } from '../../core/errors.js';
import type { Diagnostic } from '../../validators/diagnostic.js';
import type { DocumentResult } from '../../validators/document.js';
import { validateDocument } from '../../validators/document.js';
import type { JsonValue } from '../../validators/json/parse.js';
import { parseJson } from '../../validators/json/parse.js';
import { resolvePointer, splitPointer } from '../../validators/json/pointer.js';
import { validatePath } from '../../validators/inputs.js';
import type { DocumentInput, FuzzInput, LayoutInput } from './arbitraries.js';
import { layoutArchive, restructure, serialize } from './arbitraries.js';

/** Bounds counted as a hang or a blow-up: fuzz figures, generous, not performance assertions. */
export const BOUNDS = { documentMs: 10_000, layoutMs: 60_000, rssBytes: 1536 * 1024 * 1024 } as const;

export interface CheckOutcome {
  /** What broke a property, one line each (empty: all held). */
  readonly violations: string[];
  /** A throw that is not a documented refusal: a crash of the validator. */
  readonly crash: string | undefined;
  /** The bound was passed: counted as a hang. */
  readonly hang: boolean;
  readonly ms: number;
  readonly rss: number;
  /** 0, 1 or 2 as the CLI would exit. */
  readonly exit: 0 | 1 | 2;
}

/** Writes an input where the validator can read it; returns the path to validate. */
export function materialize(input: FuzzInput, work: string): string {
  if (input.type === 'document') {
    const file = join(work, 'doc.json');
    writeFileSync(file, input.bytes);
    return file;
  }
  if (input.form !== 'dir') {
    const file = join(work, input.form === 'tar' ? 'layout.tar' : 'layout.tar.gz');
    writeFileSync(file, layoutArchive(input));
    return file;
  }
  const dir = join(work, 'layout');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  for (const f of input.files) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    if (f.link !== undefined) symlinkSync(f.link, p);
    else writeFileSync(p, f.data ?? Buffer.alloc(0));
  }
  return dir;
}

const isRefusal = (e: unknown): e is OciError => e instanceof OciError && e.exitCode === 2;

export async function checkInput(input: FuzzInput, work: string): Promise<CheckOutcome> {
  const path = materialize(input, work);
  const opts = input.type === 'document' && input.forceKind ? { kind: input.kind } : {};
  const violations: string[] = [];
  let crash: string | undefined;
  let results: DocumentResult[] | undefined;
  let exit: 0 | 1 | 2 = 0;
  const t0 = process.hrtime.bigint();
  try {
    results = await validatePath(path, opts);
    exit = results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
  } catch (e) {
    if (isRefusal(e)) exit = 2;
    else crash = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rss = process.memoryUsage.rss();
  const bound = input.type === 'layout' ? BOUNDS.layoutMs : BOUNDS.documentMs;
  const hang = ms > bound;
  if (hang) violations.push(`time: ${ms.toFixed(0)} ms is over the bound of ${bound} ms`);
  if (rss > BOUNDS.rssBytes) violations.push(`memory: rss ${(rss / 2 ** 20).toFixed(0)} MiB is over the bound of ${BOUNDS.rssBytes / 2 ** 20} MiB`);
  if (results) violations.push(...checkResults(input, results));
  if (input.type === 'document' && !crash) violations.push(...(await checkDocumentProperties(input, results)));
  return { violations, crash, hang, ms, rss, exit };
}

function checkResults(input: FuzzInput, results: readonly DocumentResult[]): string[] {
  const out: string[] = [];
  for (const r of results)
    for (const d of r.diagnostics) {
      if (!d.rule || !d.message) out.push(`a finding without rule or message: ${JSON.stringify(d)}`);
      if (!Number.isInteger(d.line) || !Number.isInteger(d.column) || d.line < 0 || d.column < 0) out.push(`${d.rule}: bad position ${d.line}:${d.column}`);
      if (d.pointer !== '' && !d.pointer.startsWith('/')) out.push(`${d.rule}: '${d.pointer}' is not a JSON pointer`);
    }
  if (input.type === 'document' && results.length === 1) {
    const text = decodeOrUndefined(input.bytes);
    if (text !== undefined) out.push(...checkPositions(text, results[0]!.diagnostics));
  }
  if (input.type === 'layout') out.push(...checkLayoutPositions(input, results));
  return out;
}

function decodeOrUndefined(b: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
  } catch {
    return undefined;
  }
}

function lineStarts(text: string): number[] {
  const s = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) s.push(i + 1);
  return s;
}

/** End of the JSON value that starts at `i` (the text is known to parse). */
function skipValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') {
    let j = i + 1;
    while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  if (c === '{' || c === '[') {
    let depth = 0;
    let j = i;
    for (;;) {
      const x = text[j];
      if (x === '"') {
        j = skipValue(text, j);
        continue;
      }
      if (x === '{' || x === '[') depth++;
      else if (x === '}' || x === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
  }
  const m = /^(true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 2000));
  return m ? i + m[0].length : i;
}

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * Whether offset `off` of `text` is the value at `pointer` of `root` (or the key of that member), or, for a
 * pointer to a member that does not exist, the container that lacks it.
 */
function placedAt(text: string, root: JsonValue, pointer: string, off: number, exact: boolean): boolean {
  const v = resolvePointer(root, pointer);
  if (v === undefined) {
    if (pointer === '') return false;
    const parent = pointer.slice(0, pointer.lastIndexOf('/'));
    const pv = resolvePointer(root, parent);
    return pv !== undefined && typeof pv === 'object' && pv !== null && placedAt(text, root, parent, off, exact);
  }
  const tokens = splitPointer(pointer);
  if (text[off] === '"' && tokens.length > 0) {
    // the member's key: a string equal to the last token, followed by ':'
    const end = skipValue(text, off);
    if (/^\s*:/.test(text.slice(end, end + 64)) && JSON.parse(text.slice(off, end)) === tokens[tokens.length - 1]) return true;
  }
  const end = skipValue(text, off);
  if (end <= off) return false;
  let there: unknown;
  try {
    there = JSON.parse(text.slice(off, end));
  } catch {
    return false;
  }
  // in a shadowed reading, JSON.parse's reading of the text there may differ inside (nested duplicates): its type must agree
  return exact ? JSON.stringify(there) === JSON.stringify(v) : typeOf(there) === typeOf(v);
}

/** Every finding at a pointer that exists in the document (or whose parent does), its line:column there. */
export function checkPositions(text: string, ds: readonly Diagnostic[]): string[] {
  const out: string[] = [];
  let parsed: ReturnType<typeof parseJson> | undefined;
  try {
    parsed = parseJson(text);
  } catch {
    parsed = undefined;
  }
  const starts = lineStarts(text);
  for (const d of ds) {
    if (d.line < 1 || d.line > starts.length) {
      out.push(`${d.rule} ${d.pointer}: line ${d.line} is outside the text (${starts.length} lines)`);
      continue;
    }
    const off = starts[d.line - 1]! + d.column - 1;
    if (off < 0 || off > text.length) {
      out.push(`${d.rule} ${d.pointer}: ${d.line}:${d.column} is outside the text`);
      continue;
    }
    if (!parsed) {
      if (d.rule !== 'json.syntax') out.push(`${d.rule}: a finding other than json.syntax for a text that does not parse`);
      continue;
    }
    if (d.rule === 'json.syntax') {
      out.push('json.syntax for a text that parses');
      continue;
    }
    const shadowed = d.params.shadowed !== undefined;
    const readings = shadowed ? parsed.shadowReadings() : [parsed];
    if (!readings.some((r) => placedAt(text, r.value, d.pointer, off, !shadowed)))
      out.push(
        `${d.rule}: pointer '${d.pointer}'${shadowed ? ' (shadowed)' : ''} ${resolvePointer(parsed.value, d.pointer) === undefined && !shadowed ? 'does not resolve' : `is not at ${d.line}:${d.column}`} (text there: ${JSON.stringify(text.slice(off, off + 30))})`,
      );
  }
  return out;
}

/** The findings in a layout's JSON files, each at its pointer in that file's text. */
function checkLayoutPositions(input: LayoutInput, results: readonly DocumentResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    const m = /(?:^|[/:])((?:blobs\/[^/]+\/[^/]+)|index\.json|oci-layout)$/.exec(r.file);
    if (!m) continue;
    const f = input.files.find((x) => x.path === m[1]);
    if (!f?.data) continue;
    const text = decodeOrUndefined(f.data);
    if (text === undefined) continue;
    const placed = r.diagnostics.filter((d) => d.line > 0);
    out.push(...checkPositions(text, placed).map((s) => `${m[1]}: ${s}`));
  }
  return out;
}

const verdict = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${d.rule} ${d.pointer} ${d.severity}${d.params.shadowed ? ' shadowed' : ''}`).sort();

async function verdictOf(text: string, opts: { kind?: string; specVersion?: string }): Promise<string[] | string> {
  try {
    return verdict((await validateDocument('doc.json', text, opts)).diagnostics);
  } catch (e) {
    if (isRefusal(e)) return `refused: ${e.code}`;
    throw e;
  }
}

/** The verdict whatever the key order and whitespace; the value a duplicate key shadows, validated all the same. */
async function checkDocumentProperties(input: DocumentInput, results: readonly DocumentResult[] | undefined): Promise<string[]> {
  if (input.origin !== 'generated' || input.value === undefined || !input.style || !input.otherStyle) return [];
  const out: string[] = [];
  const opts = input.forceKind ? { kind: input.kind } : {};
  const here = results ? verdict(results[0]!.diagnostics) : undefined;
  const other = await verdictOf(serialize(input.value, input.otherStyle), opts);
  const mine = here ?? (await verdictOf(input.bytes.toString(), opts));
  if (JSON.stringify(mine) !== JSON.stringify(other))
    out.push(`verdict depends on key order or whitespace: ${JSON.stringify(diff(mine, other))}`);
  if (input.dup) {
    const pinned = { kind: input.kind, specVersion: input.version };
    const p = input.dup.pointer;
    const under = (ptr: string): boolean => ptr === p || ptr.startsWith(`${p}/`);
    const alone = await diagnosticsOf(serialize(replaceAt(input.value, p, input.dup.shadowed), input.style), pinned);
    const withDup = await diagnosticsOf(serialize(input.value, input.style, input.dup), pinned);
    const plain = await diagnosticsOf(serialize(input.value, input.style), pinned);
    if (alone && withDup && plain) {
      const expected = verdict(alone.filter((d) => under(d.pointer))).map((s) => `${s} shadowed`);
      const got = verdict(withDup.filter((d) => d.params.shadowed !== undefined));
      if (JSON.stringify(expected) !== JSON.stringify(got)) out.push(`shadowed value at ${p} not validated as it would be alone: ${JSON.stringify(diff(expected, got))}`);
      const dupFinding = withDup.some((d) => d.rule === 'json.duplicate-key' && d.pointer === p && d.severity === 'error' && d.params.shadowed === undefined);
      if (!dupFinding) out.push(`no json.duplicate-key error at ${p}`);
      const rest = verdict(withDup.filter((d) => d.params.shadowed === undefined && !(d.rule === 'json.duplicate-key' && d.pointer === p)));
      if (JSON.stringify(rest) !== JSON.stringify(verdict(plain))) out.push(`a duplicate at ${p} changed the verdict on the rest: ${JSON.stringify(diff(verdict(plain), rest))}`);
    }
  }
  return out;
}

async function diagnosticsOf(text: string, opts: { kind: string; specVersion: string }): Promise<readonly Diagnostic[] | undefined> {
  try {
    return (await validateDocument('doc.json', text, opts)).diagnostics;
  } catch (e) {
    if (isRefusal(e)) return undefined;
    throw e;
  }
}

function replaceAt(v: JsonValue, pointer: string, value: JsonValue): JsonValue {
  const all: string[] = [];
  const collect = (x: JsonValue, p: string): void => {
    if (x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) x.forEach((y, i) => collect(y, `${p}/${i}`));
    else
      for (const k of Object.keys(x)) {
        const q = `${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        all.push(q);
        collect(x[k]!, q);
      }
  };
  collect(v, '');
  return restructure(v, all.indexOf(pointer), value);
}

function diff(a: string[] | string, b: string[] | string): { only: unknown; other: unknown } {
  if (typeof a === 'string' || typeof b === 'string') return { only: a, other: b };
  return { only: a.filter((x) => !b.includes(x)), other: b.filter((x) => !a.includes(x)) };
}

// ---------------------------------------------------------------------------------------------------------------
// The CLI, on a sample

export interface CliOutcome {
  readonly violations: string[];
  readonly status: number | null;
}

/** Runs bin/oci-validate.js on an input already materialized at `path`: documented exit, no stack trace, a JSON report. */
export function checkCli(input: FuzzInput, path: string, expectedExit: 0 | 1 | 2, bin: string): CliOutcome {
  const args = ['--format', 'json', ...(input.type === 'document' && input.forceKind ? ['--kind', input.kind] : []), path];
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, OCI_DEBUG: '' } });
  const out: string[] = [];
  if (r.error) out.push(`cli: ${r.error.message}`);
  if (r.status === null) out.push(`cli: killed by ${r.signal ?? 'a signal'}`);
  else if (![0, 1, 2].includes(r.status)) out.push(`cli: exit ${r.status}: ${r.stderr.split('\n')[0]}`);
  if (/internal error|^\s+at .+:\d+:\d+\)?$/m.test(r.stderr)) out.push(`cli: a stack trace or internal error: ${r.stderr.slice(0, 300)}`);
  if (r.status !== null && r.status !== expectedExit) out.push(`cli: exit ${r.status}, the library's verdict says ${expectedExit}`);
  if (r.status === 0 || r.status === 1) {
    try {
      const report = JSON.parse(r.stdout) as { schemaVersion?: number };
      if (report.schemaVersion !== 1) out.push('cli: JSON report without schemaVersion 1');
    } catch {
      out.push(`cli: stdout is not a JSON report: ${r.stdout.slice(0, 200)}`);
    }
  }
  return { violations: out, status: r.status };
}
