import { describe, expect, it } from 'vitest';
import rule from '../../../../validators/rules/json/newer-field.rule.js';
import { arr, obj, since, str } from '../../../../validators/schemas/dsl.js';
import { runRule } from './helpers.js';

const latest = '1.3.0';
const schema = obj({ a: str(), b: since('1.2.0', latest, str()), list: arr(obj({ c: since('1.1.0', latest, str()) })) });

describe('json.newer-field', () => {
  it('warns about properties added after the validated version, once per subtree', () => {
    const f = runRule(rule, '{"a":"x","b":"y","list":[{"c":"z"},{}]}', schema, '1.0.0');
    expect(f.map((x) => [x.pointer, x.params?.since])).toEqual([
      ['/b', '1.2.0'],
      ['/list/0/c', '1.1.0'],
    ]);
  });

  it('is silent when the version has them', () => {
    expect(runRule(rule, '{"b":"y","list":[{"c":"z"}]}', schema, '1.2.0')).toEqual([]);
  });
});
