/** SARIF 2.1.0 for code scanning: one run, rules described once, results with regions. */
import type { ValidateFormatter } from './format.js';
import { requirement } from '../../spec/catalogue.js';

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export const sarif: ValidateFormatter = (results) => {
  const rules = new Map<string, { id: string; helpUri?: string; shortDescription: { text: string } }>();
  const sarifResults = [];
  for (const r of results)
    for (const d of r.diagnostics) {
      if (!rules.has(d.rule)) {
        const req = d.requirement ? requirement(d.requirement) : undefined;
        rules.set(d.rule, {
          id: d.rule,
          ...(d.reference ? { helpUri: d.reference } : {}),
          shortDescription: { text: req?.summary ?? d.rule },
        });
      }
      sarifResults.push({
        ruleId: d.rule,
        level: SARIF_LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: d.file },
              ...(d.line > 0 ? { region: { startLine: d.line, startColumn: d.column } } : {}),
            },
            logicalLocations: [{ fullyQualifiedName: d.pointer === '' ? '/' : d.pointer, kind: 'member' }],
          },
        ],
        properties: { requirement: d.requirement ?? null, specLevel: d.level, pointer: d.pointer, params: d.params },
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
