/**
 * Collects the walker's findings per file and turns them into the same
 * Diagnostic shape and DocumentResult list as single documents get, with
 * line:column taken from the JSON file a pointer points into.
 */
import type { Level, Requirement, RequirementId } from '../../spec/types.js';
import type { LayerCheckId, LayoutCheck, LayoutCheckId } from './checks.js';
import { layoutCheck } from './checks.js';
import { levelAt, requirement, specUrl } from '../../spec/catalogue.js';
import { compareVersions } from '../../spec/versions.js';
import type { Diagnostic, Severity } from '../diagnostic.js';
import type { DocumentResult } from '../document.js';
import { severityOf } from '../document.js';
import type { ParsedJson } from '../json/parse.js';
import { offsetOfPointer } from '../json/parse.js';
import { LineIndex } from '../json/position.js';

interface WalkBody {
  /** Overrides the severity the level and threshold give (e.g. a missing blob under --complete). */
  readonly severity?: Severity;
  readonly pointer?: string;
  readonly at?: 'key' | 'value';
  readonly message: string;
  readonly params?: Readonly<Record<string, unknown>>;
  /** Overrides the level of the requirement, or of the check when it cites none. */
  readonly level?: Level;
}

/**
 * What a finding of check `C` cites: nothing of its own when the check cites
 * nothing (the check's level applies); with one, that one unless it says
 * `requirement: null` (then it breaks none and states its level); with
 * several, one of them.
 */
type CitationOf<C extends LayoutCheck> = C['requirements'] extends readonly []
  ? { readonly requirement?: undefined }
  : C['requirements'] extends readonly [infer R]
    ? { readonly requirement?: R } | { readonly requirement: null; readonly level: Level }
    : { readonly requirement: C['requirements'][number] };

type CheckFinding<C extends LayoutCheck> = C extends LayoutCheck ? WalkBody & { readonly rule: C['id'] } & CitationOf<C> : never;

/** A finding of the walker: one of the layout checks (checks.ts), or a JSON file that does not parse. */
export type WalkFinding = CheckFinding<LayoutCheck> | (WalkBody & { readonly rule: 'json.syntax'; readonly requirement?: undefined; readonly level: Level });

/** Any of the above, as `add` handles it once the types have checked it. */
type AnyWalkFinding = WalkBody & { readonly rule: LayoutCheckId | 'json.syntax'; readonly requirement?: RequirementId | null };

interface FileRecord {
  readonly file: string;
  kind: string | undefined;
  version: string | undefined;
  parsed: ParsedJson | undefined;
  lines: LineIndex | undefined;
  /** What validating the document itself said, then the walker's own findings: kept apart so that adding is O(1). */
  readonly fromDocument: Diagnostic[];
  readonly own: Diagnostic[];
  /** `requirement pointer` of the document's diagnostics, and `rule pointer message` of our own: for not repeating them. */
  readonly docKeys: Set<string>;
  readonly ownKeys: Set<string>;
  errors: number;
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
    for (const d of ds) {
      r.fromDocument.push(d);
      // a finding of a value shadowed by a later duplicate key is about that value, not the one the walk reads at the pointer
      if (d.requirement && d.params?.shadowed === undefined) r.docKeys.add(`${d.requirement}\0${d.pointer}`);
      if (d.severity === 'error') r.errors++;
    }
  }

  /** Whether the file already has an error (e.g. from its schema, so that a fallback check need not repeat it). */
  hasError(file: string): boolean {
    return (this.files.get(file)?.errors ?? 0) > 0;
  }

  /** Whether the requirement exists in the version we check against. */
  applies(req: string): boolean {
    const r = requirement(req);
    return !r || compareVersions(this.version, r.since) >= 0;
  }

  add(file: string, f: WalkFinding): void {
    this.push(file, f);
  }

  /** A finding of a layer's entries: it breaks its check's requirement, or has its check's level (no layer check cites several). */
  addLayer(file: string, f: { readonly rule: LayerCheckId; readonly message: string; readonly params: Readonly<Record<string, unknown>>; readonly level?: Level }): void {
    this.push(file, f);
  }

  private push(file: string, f: AnyWalkFinding): void {
    const cited = citedBy(f);
    if (cited && !this.applies(cited)) return;
    const rec = this.record(file);
    const req = cited ? known(cited, f.rule) : undefined;
    const level: Level = f.level ?? (req ? levelAt(req, this.version) : uncitedLevel(f));
    const pointer = f.pointer ?? '';
    let line = 0;
    let column = 0;
    if (rec.parsed && rec.lines) ({ line, column } = rec.lines.position(offsetOfPointer(rec.parsed, pointer, f.at ?? 'value')));
    // Not repeated: what the document validation already said (same requirement, same place), and our own exact repeats
    // (a config or layer shared by several manifests).
    if (cited && rec.docKeys.has(`${cited}\0${pointer}`)) return;
    const key = `${f.rule}\0${pointer}\0${f.message}`;
    if (rec.ownKeys.has(key)) return;
    rec.ownKeys.add(key);
    const severity = f.severity ?? severityOf(level, this.threshold);
    if (severity === 'error') rec.errors++;
    rec.own.push({
      rule: f.rule,
      ...(cited ? { requirement: cited } : {}),
      level,
      severity,
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
    return [...this.files.values()].map((r) => ({ file: r.file, kind: r.kind, version: r.version, diagnostics: [...r.fromDocument, ...r.own] }));
  }

  private record(file: string): FileRecord {
    let r = this.files.get(file);
    if (!r) {
      r = { file, kind: undefined, version: undefined, parsed: undefined, lines: undefined, fromDocument: [], own: [], docKeys: new Set(), ownKeys: new Set(), errors: 0 };
      this.files.set(file, r);
    }
    return r;
  }
}

/** The requirement a finding breaks: its own, or its check's only one. */
function citedBy(f: AnyWalkFinding): RequirementId | undefined {
  if (f.requirement === null) return undefined;
  if (f.requirement !== undefined) return f.requirement;
  if (f.rule === 'json.syntax') return undefined;
  const c = layoutCheck(f.rule);
  return c.requirements.length === 1 ? c.requirements[0] : undefined;
}

/** The level of a finding that breaks no requirement: the one it states, else its check's; never a default. */
function uncitedLevel(f: AnyWalkFinding): Level {
  const level = f.level ?? (f.rule === 'json.syntax' ? undefined : layoutCheck(f.rule).level);
  if (level === undefined) throw new Error(`${f.rule}: a finding that cites no requirement and states no level`);
  return level;
}

function known(id: RequirementId, rule: string): Requirement {
  const r = requirement(id);
  if (!r) throw new Error(`${rule}: cites ${id}, which is not in the requirement catalogue`);
  return r;
}
