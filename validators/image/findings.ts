/**
 * Collects the walker's findings per file and turns them into the same
 * Diagnostic shape and DocumentResult list as single documents get, with
 * line:column taken from the JSON file a pointer points into.
 */
import type { Level } from '../../spec/types.js';
import { levelAt, requirement, specUrl } from '../../spec/catalogue.js';
import { compareVersions } from '../../spec/versions.js';
import type { Diagnostic, Severity } from '../diagnostic.js';
import type { DocumentResult } from '../document.js';
import { severityOf } from '../document.js';
import type { ParsedJson } from '../json/parse.js';
import { offsetOfPointer } from '../json/parse.js';
import { LineIndex } from '../json/position.js';

export interface WalkFinding {
  readonly rule: string;
  readonly requirement?: string;
  readonly level?: Level;
  /** Overrides the severity the level and threshold give (e.g. a missing blob under --complete). */
  readonly severity?: Severity;
  readonly pointer?: string;
  readonly at?: 'key' | 'value';
  readonly message: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

interface FileRecord {
  readonly file: string;
  kind: string | undefined;
  version: string | undefined;
  parsed: ParsedJson | undefined;
  lines: LineIndex | undefined;
  readonly diagnostics: Diagnostic[];
  /** How many of `diagnostics` (the first ones) came from validating the document itself. */
  fromDocument: number;
}

export class Findings {
  private readonly files = new Map<string, FileRecord>();

  constructor(
    /** The image-spec version whose levels and links apply. */
    readonly version: string,
    private readonly threshold: Exclude<Level, 'INFO'>,
  ) {}

  /** Registers a file (in walk order) so that it is reported even without findings. */
  file(file: string, kind?: string, version?: string): void {
    const r = this.record(file);
    // a blob seen as a document keeps that kind when also met as a plain blob (e.g. as a subject)
    if (kind !== undefined && (r.kind === undefined || r.kind === 'blob')) r.kind = kind;
    if (version !== undefined) r.version ??= version;
  }

  /** The parse of a JSON file, for positions of later findings in it. */
  setParsed(file: string, parsed: ParsedJson): void {
    const r = this.record(file);
    r.parsed = parsed;
    r.lines = new LineIndex(parsed.text);
  }

  /** Diagnostics that validateDocument produced for this file. */
  addDiagnostics(file: string, ds: readonly Diagnostic[]): void {
    const r = this.record(file);
    r.diagnostics.splice(r.fromDocument, 0, ...ds);
    r.fromDocument += ds.length;
  }

  /** Whether the file already has an error (e.g. from its schema, so that a fallback check need not repeat it). */
  hasError(file: string): boolean {
    return this.files.get(file)?.diagnostics.some((d) => d.severity === 'error') ?? false;
  }

  /** Whether the requirement exists in the version we check against. */
  applies(req: string): boolean {
    const r = requirement(req);
    return !r || compareVersions(this.version, r.since) >= 0;
  }

  add(file: string, f: WalkFinding): void {
    if (f.requirement && !this.applies(f.requirement)) return;
    const rec = this.record(file);
    const req = f.requirement ? requirement(f.requirement) : undefined;
    const level: Level = f.level ?? (req ? levelAt(req, this.version) : 'MUST');
    const pointer = f.pointer ?? '';
    let line = 0;
    let column = 0;
    if (rec.parsed && rec.lines) ({ line, column } = rec.lines.position(offsetOfPointer(rec.parsed, pointer, f.at ?? 'value')));
    // Not repeated: what the document validation already said (same requirement, same place), and our own exact repeats
    // (a config or layer shared by several manifests).
    const doc = rec.diagnostics.slice(0, rec.fromDocument);
    if (f.requirement && doc.some((d) => d.requirement === f.requirement && d.pointer === pointer)) return;
    if (rec.diagnostics.slice(rec.fromDocument).some((d) => d.rule === f.rule && d.pointer === pointer && d.message === f.message)) return;
    rec.diagnostics.push({
      rule: f.rule,
      ...(f.requirement ? { requirement: f.requirement } : {}),
      level,
      severity: f.severity ?? severityOf(level, this.threshold),
      file,
      pointer,
      line,
      column,
      message: f.message,
      params: f.params ?? {},
      ...(req ? { reference: specUrl(req, this.version) } : {}),
    });
  }

  results(): DocumentResult[] {
    return [...this.files.values()].map((r) => ({ file: r.file, kind: r.kind, version: r.version, diagnostics: r.diagnostics }));
  }

  private record(file: string): FileRecord {
    let r = this.files.get(file);
    if (!r) {
      r = { file, kind: undefined, version: undefined, parsed: undefined, lines: undefined, diagnostics: [], fromDocument: 0 };
      this.files.set(file, r);
    }
    return r;
  }
}

