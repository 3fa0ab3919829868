/** SARIF 2.1.0 for code scanning: one run, rules described once, results with regions. */
import type { ValidateFormatter } from './format.js';

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

export const sarif: ValidateFormatter = (results, { catalogue }) => {
  const rules = new Map<string, { id: string; helpUri?: string; shortDescription: { text: string } }>();
  const sarifResults = [];
  for (const r of results)
    for (const d of r.diagnostics) {
      if (!rules.has(d.rule)) {
        const req = d.requirement ? catalogue?.requirement(d.requirement) : undefined;
        rules.set(d.rule, {
          id: d.rule,
          ...(d.reference ? { helpUri: d.reference } : {}),
          shortDescription: { text: req?.summary ?? d.rule },
        });
      }
      const artifact = artifactOf(d.file);
      sarifResults.push({
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
        properties: { requirement: d.requirement ?? null, specLevel: d.level, file: d.file, line: d.line, column: d.column, pointer: d.pointer, params: d.params },
      });
    }
  return `${JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'oci-validate', informationUri: 'https://github.com/opencontainers/runtime-spec', rules: [...rules.values()] } },
          columnKind: 'utf16CodeUnits',
          results: sarifResults,
        },
      ],
    },
    null,
    2,
  )}\n`;
};
