/**
 * Config rules run after the schema whatever it found, so they must take any
 * JSON at any place: every value of a document that uses every config.md
 * field is replaced in turn by values of each other type, and every config
 * rule must return findings (not throw) for each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../../validators/json/parse.js';
import { parseJson } from '../../../../validators/json/parse.js';
import { rulesFor } from '../../../../validators/rules/select.js';
import type { RuleContext } from '../../../../validators/rules/rule.js';
import { loadSchema } from '../../../../validators/schemas/load.js';

const corpus = join(import.meta.dirname, '..', '..', '..', 'corpus', 'runtime', 'config');
const full = (JSON.parse(readFileSync(join(corpus, 'valid-full-1.3.0.case.json'), 'utf8')) as { document: JsonValue }).document;
const REPLACEMENTS: JsonValue[] = [null, 0, -1, 1.5, '', 'x', true, [], {}, [null], { '': null }];

function paths(v: JsonValue, base: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [base];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...base, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...base, k]));
  return out;
}

function replaced(doc: JsonValue, path: Array<string | number>, value: JsonValue): JsonValue {
  if (path.length === 0) return value;
  const copy = structuredClone(doc) as Record<string | number, JsonValue>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, JsonValue>;
  cur[path[path.length - 1]!] = value;
  return copy;
}

describe('config rules on any JSON', () => {
  it('never throw, whatever value sits at whatever place', async () => {
    const rules = rulesFor('config').filter((r) => r.id.startsWith('config.'));
    expect(rules.length).toBeGreaterThan(20);
    const meta = (await loadSchema('config', '1.3.0'))!.meta;
    const all = paths(full);
    let runs = 0;
    for (const version of ['1.0.0', '1.3.0'])
      for (const path of all)
        for (const value of REPLACEMENTS) {
          const doc = replaced(full, path, value);
          const text = JSON.stringify(doc);
          const ctx: RuleContext = {
            file: 'x.json',
            kind: 'config',
            version,
            declaredVersion: version,
            parsed: parseJson(text),
            bundleDir: undefined,
            meta,
            latestMeta: meta,
          };
          for (const rule of rules) {
            const findings = [...rule.check(doc, ctx)];
            for (const f of findings) expect(typeof f.pointer, `${rule.id} at /${path.join('/')}`).toBe('string');
            runs++;
          }
        }
    expect(runs).toBeGreaterThan(10000);
  });
});
