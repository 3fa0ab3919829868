/**
 * SARIF 2.1.0 for code scanning: one run, each rule described once, results with regions, and an invocation that
 * says whether the run succeeded: an input that could not be read makes `executionSuccessful` false, with its
 * message as a notification, so an upload of that log can't be taken for a clean scan.
 */
import type { Diagnostic } from '../../validators/diagnostic.js';
import type { FormatOptions, ValidateFormatter } from './format.js';

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * A finding's file as a SARIF artifact: a plain path becomes a URI reference;
 * a member of a layout archive ('image.tar:blobs/sha256/…') is located in the
 * archive file, with the member named beside it, since no code-scanning tool
 * can open 'image.tar:blobs/…' as a file.
 */
export function artifactOf(file: string): { uri: string; member?: string } {
  const m = /^(.+?\.(?:tar|tar\.gz|tgz)):(.+)$/.exec(file);
  if (m) return { uri: toUri(m[1]!), member: m[2]! };
  return { uri: toUri(file) };
}

function toUri(path: string): string {
  const encoded = path.split('/').map((seg) => encodeURIComponent(seg)).join('/');
  return path.startsWith('/') ? `file://${encoded}` : encoded;
}

/**
 * What the generic rules check, whatever requirement a finding of theirs cites (a schema rule cites the
 * requirement of the property it found, a different one for each finding).
 */
const GENERIC_RULES: Readonly<Record<string, string>> = {
  'json.syntax': 'The document is not well-formed JSON.',
  'json.duplicate-key': 'An object of the document has the same key twice.',
  'schema.type': 'A value has a JSON type the spec does not allow there.',
  'schema.required': 'A property the spec requires is missing.',
  'schema.enum': 'A value is not one of those the spec allows there.',
  'schema.const': 'A value differs from the one the spec fixes there.',
  'schema.pattern': 'A string does not have the form the spec requires there.',
  'schema.uniqueItems': 'An array holds the same item twice where the spec requires distinct items.',
  'schema.minimum': 'A number is below the least value the spec allows there.',
  'schema.maximum': 'A number is above the greatest value the spec allows there.',
  'schema.minItems': 'An array has fewer items than the spec requires there.',
  'schema.maxItems': 'An array has more items than the spec allows there.',
  'schema.minLength': 'A string is shorter than the spec allows there.',
  'schema.maxLength': 'A string is longer than the spec allows there.',
};

/** The description of a generic rule (every `json.*` and `schema.*` one), or undefined for a rule of its own. */
export function genericRuleDescription(id: string): string | undefined {
  const known = GENERIC_RULES[id];
  if (known) return known;
  if (id.startsWith('schema.')) return `A value fails the keyword '${id.slice('schema.'.length)}' of the spec's JSON Schema there.`;
  return id.startsWith('json.') ? 'The document is not JSON as the spec requires it.' : undefined;
}

interface SarifRule {
  readonly id: string;
  readonly helpUri?: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly help: { readonly text: string };
}

const CITED = 'Each finding names the requirement it breaks and links to its text at the document\'s version (properties.requirement, properties.reference).';

/**
 * One description per rule id, the same whichever finding comes first: a generic rule by what it checks; a rule
 * whose findings all cite one requirement by that requirement's summary, linked to its text when they all link to
 * the same version of it; otherwise by its id. Each result keeps its own requirement and link in its properties.
 * Every rule has the full description and help that GitHub code scanning asks of a rule.
 */
function describeRules(diagnostics: readonly Diagnostic[], catalogue: FormatOptions['catalogue']): SarifRule[] {
  const byRule = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byRule.set(d.rule, [...(byRule.get(d.rule) ?? []), d]);
  return [...byRule].map(([id, ds]) => {
    const generic = genericRuleDescription(id);
    if (generic) return { id, shortDescription: { text: generic }, fullDescription: { text: `${generic} ${CITED}` }, help: { text: `${generic} ${CITED}` } };
    const requirements = new Set(ds.map((d) => d.requirement));
    const references = new Set(ds.map((d) => d.reference));
    const [only] = requirements;
    const req = requirements.size === 1 && only ? catalogue?.requirement(only) : undefined;
    const [reference] = references;
    const helpUri = req && references.size === 1 && reference ? reference : undefined;
    const full = req ? `${req.summary} (${only})` : `Findings of the rule ${id}. ${CITED}`;
    return {
      id,
      ...(helpUri ? { helpUri } : {}),
      shortDescription: { text: req?.summary ?? id },
      fullDescription: { text: full },
      help: { text: helpUri ? `${full}: ${helpUri}` : full },
    };
  });
}

export const sarif: ValidateFormatter = (results, { catalogue, inputErrors = [], toolVersion }) => {
  const diagnostics = results.flatMap((r) => r.diagnostics);
  const sarifResults = diagnostics.map((d) => {
    const artifact = artifactOf(d.file);
    return {
      ruleId: d.rule,
      level: SARIF_LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifact.uri },
            // a line inside an archive member is not a line of the archive file
            ...(d.line > 0 && !artifact.member ? { region: { startLine: d.line, startColumn: d.column } } : {}),
          },
          logicalLocations: [
            ...(artifact.member ? [{ fullyQualifiedName: artifact.member, kind: 'module' }] : []),
            { fullyQualifiedName: d.pointer === '' ? '/' : d.pointer, kind: 'member' },
          ],
        },
      ],
      properties: {
        requirement: d.requirement ?? null,
        specLevel: d.level,
        ...(d.reference ? { reference: d.reference } : {}),
        file: d.file,
        line: d.line,
        column: d.column,
        pointer: d.pointer,
        params: d.params,
      },
    };
  });
  const invocation = {
    executionSuccessful: inputErrors.length === 0,
    ...(inputErrors.length > 0
      ? {
          exitCode: 2,
          toolExecutionNotifications: inputErrors.map((e) => ({
            level: 'error',
            message: { text: e.message },
            descriptor: { id: e.code },
            locations: [{ physicalLocation: { artifactLocation: { uri: artifactOf(e.file).uri } } }],
          })),
        }
      : {}),
  };
  return `${JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'oci-validate',
              ...(toolVersion ? { version: toolVersion, semanticVersion: toolVersion } : {}),
              informationUri: 'https://github.com/opencontainers/runtime-spec',
              rules: describeRules(diagnostics, catalogue),
            },
          },
          invocations: [invocation],
          columnKind: 'utf16CodeUnits',
          results: sarifResults,
        },
      ],
    },
    null,
    2,
  )}\n`;
};
