/**
 * The validation of one JSON document: parse with positions, pick kind and
 * version, run the schema, run the rules, and turn findings into diagnostics.
 */
import type { CodeCache } from '../core/code-cache.js';
import type { Level, Requirement } from '../spec/types.js';
import { LEVEL_RANK } from '../spec/types.js';
import type { CatalogueModule } from '../spec/loaded-catalogue.js';
import { loadCatalogue } from '../spec/loaded-catalogue.js';
import type { Diagnostic, Finding, Severity } from './diagnostic.js';
import { JsonDepthError, JsonSyntaxError, offsetOfPointer, parseJson } from './json/parse.js';
import type { ParsedJson, ShadowReading, Substitution } from './json/parse.js';
import { LineIndex } from './json/position.js';
import { resolvePointer, unescapePointerToken } from './json/pointer.js';
import { OciError } from '../core/errors.js';
import type { DocumentKind } from './kinds/index.js';
import { KINDS, detectKind, kindByName } from './kinds/index.js';
import { loadMeta, loadSchema } from './schemas/load.js';
import { schemaFindings } from './schemas/errors.js';
import { loadRulesFor } from './rules/load.js';
import type { RuleContext } from './rules/rule.js';
import { resolveFinding } from './rules/rule.js';

export interface DocumentOptions {
  /** Force the kind instead of detecting it. */
  readonly kind?: string;
  /** Validate against this spec version instead of the declared one. */
  readonly specVersion?: string;
  /** Threshold: findings at or above it are errors, below it warnings. Default MUST. */
  readonly level?: Exclude<Level, 'INFO'>;
  /** For a bundle's config.json: the bundle directory (root.path is checked against it). */
  readonly bundleDir?: string;
  /** The CLI's code-cached scripts, to run validators and rules from (core/code-cache.ts); else they are imported. */
  readonly codeCache?: CodeCache;
}

export interface DocumentResult {
  readonly file: string;
  readonly kind: string | undefined;
  /** The spec version whose schema and rules were applied. */
  readonly version: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export function severityOf(level: Level, threshold: Exclude<Level, 'INFO'>): Severity {
  if (level === 'INFO') return 'info';
  return LEVEL_RANK[level] >= LEVEL_RANK[threshold] ? 'error' : 'warning';
}

export async function validateDocument(file: string, text: string, opts: DocumentOptions = {}): Promise<DocumentResult> {
  const threshold = opts.level ?? 'MUST';
  const lines = new LineIndex(text);
  let parsed: ParsedJson;
  try {
    parsed = parseJson(text);
  } catch (e) {
    if (e instanceof JsonDepthError) throw new OciError('OCI_INPUT_TOO_DEEP', `${file}:${fmt(lines, e.offset)}: JSON ${e.message}; refusing to go further`);
    if (e instanceof JsonSyntaxError) {
      const { line, column } = lines.position(e.offset);
      return {
        file,
        kind: opts.kind,
        version: undefined,
        diagnostics: [
          { rule: 'json.syntax', level: 'MUST', severity: 'error', file, pointer: '', line, column, message: `invalid JSON: ${e.message}`, params: { offset: e.offset } },
        ],
      };
    }
    throw e;
  }

  const kind = pickKind(file, parsed, opts.kind);
  const declared = kind.declaredVersion(parsed.value);
  const forced = opts.specVersion ? kind.resolveVersion(opts.specVersion) : undefined;
  // a fact about this input (a features document did not exist in 1.0.2), not about the command line: the other inputs still count
  if (opts.specVersion && !forced)
    throw new OciError(
      'OCI_INPUT_SPEC_VERSION',
      `${file}: --spec-version ${opts.specVersion} is not a ${kind.spec} version we know for a ${kind.title} (from ${kind.oldest} to ${kind.latest})`,
    );
  const version = forced ?? (declared !== undefined ? kind.resolveVersion(declared) : undefined) ?? kind.latest;

  const schema = await loadSchema(kind.name, version, opts.codeCache);
  const latestMeta = await loadMeta(kind.name, kind.latest);
  if (!schema || !latestMeta) throw new Error(`no compiled schema for ${kind.name}@${version}`);

  const rules = await loadRulesFor(kind.name, opts.codeCache);
  // a duplicate key is placed at its repeated occurrence, whatever the reading holds at its pointer
  const placed = new WeakMap<Finding, number>();
  const check = (reading: Omit<ParsedJson, 'shadowReadings'>, inside?: (pointer: string) => boolean): Finding[] => {
    const findings: Finding[] = [];
    for (const d of reading.duplicates) {
      // in a reading with shadowed values, only the duplicates within one are new (the object holding one is not)
      if (inside && !inside(d.pointer.slice(0, d.pointer.lastIndexOf('/')))) continue;
      const f: Finding = {
        rule: 'json.duplicate-key',
        // which member a reader keeps is undefined, so neither value is valid: the requirement on the document's form
        ...(schema.meta.requirements['#'] ? { requirement: schema.meta.requirements['#'] } : { level: 'MUST' as const }),
        pointer: d.pointer,
        at: 'key',
        message: `duplicate key: '${unescapePointerToken(d.pointer.slice(d.pointer.lastIndexOf('/') + 1))}' already appears at ${fmt(lines, d.first)}; parsers disagree on which one wins`,
        params: { first: d.first },
      };
      placed.set(f, d.again);
      findings.push(f);
    }
    const validate = schema.default;
    if (!validate(reading.value) && validate.errors)
      findings.push(...schemaFindings(validate.errors, schema.meta, (p) => resolvePointer(reading.value, p)));
    const ctx: RuleContext = {
      file,
      kind: kind.name,
      version,
      declaredVersion: declared,
      parsed: { ...reading, shadowReadings: () => [] },
      bundleDir: opts.bundleDir,
      meta: schema.meta,
      latestMeta,
    };
    for (const rule of rules) for (const f of rule.check(reading.value, ctx)) findings.push(resolveFinding(rule, f));
    return findings;
  };
  const findings = check(parsed);
  // Values shadowed by a later duplicate key are validated too (docs/INTERPRETING.md, "Duplicate keys"), each in
  // the reading that holds it; of such a reading only the findings at or inside a shadowed value are new.
  const shadowed: Array<{ readonly finding: Finding; readonly reading: ShadowReading; readonly by: Substitution }> = [];
  for (const reading of parsed.shadowReadings()) {
    // by the pointer and each of its ancestors: a document with many repeated keys has many findings and substitutions
    const subs = new Map(reading.substituted.map((s) => [s.pointer, s]));
    const by = (pointer: string): Substitution | undefined => {
      for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
        const s = subs.get(p);
        if (s) return s;
      }
      return undefined;
    };
    for (const f of check(reading, (p) => by(p) !== undefined)) {
      const s = by(f.pointer);
      if (s) shadowed.push({ finding: f, reading, by: s });
    }
  }
  // The catalogue only when a finding cites a requirement: a clean document never loads it.
  const catalogue = findings.some((f) => f.requirement) || shadowed.some((s) => s.finding.requirement) ? await loadCatalogue() : undefined;
  const diagnostics = findings.map((f) => toDiagnostic(f, file, parsed, lines, version, threshold, catalogue, placed.get(f)));
  // a finding that two readings both hold (a value shadowed in both) is reported once; within a reading, all of them
  const seen = new Set<string>();
  let fresh = new Set<string>();
  let current: ShadowReading | undefined;
  for (const { finding, reading, by } of shadowed) {
    if (reading !== current) {
      for (const k of fresh) seen.add(k);
      fresh = new Set();
      current = reading;
    }
    const d = toDiagnostic(finding, file, reading, lines, version, threshold, catalogue, placed.get(finding));
    const key = `${d.rule}\0${d.requirement ?? ''}\0${d.pointer}\0${d.line}:${d.column}\0${d.message}`;
    if (seen.has(key)) continue;
    fresh.add(key);
    const later = fmt(lines, by.shadowedBy);
    diagnostics.push({
      ...d,
      message: `${d.message} (in a value that the later duplicate key at ${later} shadows)`,
      params: { ...d.params, shadowed: { member: by.pointer, by: later } },
    });
  }
  return { file, kind: kind.name, version, diagnostics };
}

function pickKind(file: string, parsed: ParsedJson, forced: string | undefined): DocumentKind {
  if (forced) {
    const k = kindByName(forced);
    if (!k) throw new OciError('OCI_USAGE', `--kind ${forced}: unknown kind`);
    return k;
  }
  const k = detectKind(parsed.value);
  if (!k)
    throw new OciError(
      'OCI_INPUT_KIND',
      `${file}: cannot tell what kind of document this is (none of ${KINDS.map((kind) => kind.name).join(', ')}); name it with --kind`,
    );
  return k;
}

function fmt(lines: LineIndex, offset: number): string {
  const { line, column } = lines.position(offset);
  return `${line}:${column}`;
}


/** The catalogue entry of a cited id; the types allow only catalogue ids, so a miss is a bug of ours. */
function known(id: string, rule: string, catalogue: CatalogueModule | undefined): { readonly entry: Requirement; readonly catalogue: CatalogueModule } {
  const entry = catalogue?.requirement(id);
  if (!catalogue || !entry) throw new Error(`${rule}: cites ${id}, which is not in the requirement catalogue`);
  return { entry, catalogue };
}

function toDiagnostic(
  f: Finding,
  file: string,
  parsed: Omit<ParsedJson, 'shadowReadings'>,
  lines: LineIndex,
  version: string,
  threshold: Exclude<Level, 'INFO'>,
  catalogue: CatalogueModule | undefined,
  offset?: number,
): Diagnostic {
  // A finding cites a requirement (its level at the version, unless it states one) or states a level
  // (diagnostic.ts Citation): nothing defaults to MUST.
  let level: Level;
  let reference: string | undefined;
  if (f.requirement === undefined) level = f.level;
  else {
    const c = known(f.requirement, f.rule, catalogue);
    level = f.level ?? c.catalogue.levelAt(c.entry, version);
    reference = c.catalogue.specUrl(c.entry, version);
  }
  const { line, column } = lines.position(offset ?? offsetOfPointer(parsed, f.pointer, f.at ?? 'value'));
  return {
    rule: f.rule,
    ...(f.requirement ? { requirement: f.requirement } : {}),
    level,
    severity: severityOf(level, threshold),
    file,
    pointer: f.pointer,
    line,
    column,
    message: f.message,
    params: f.params ?? {},
    ...(reference !== undefined ? { reference } : {}),
  };
}
