import { describe, expect, it } from 'vitest';
import rule, { exactInteger } from '../../../../validators/rules/json/integer-range.rule.js';
import { arr, int, obj } from '../../../../validators/schemas/dsl.js';
import { runRule } from './helpers.js';

const schema = obj({ u: int('uint64'), s: int('int64'), list: arr(obj({ v: int('uint64') })) });

describe('json.integer-range', () => {
  it('accepts the largest uint64 and int64 exactly', () => {
    expect(runRule(rule, '{"u": 18446744073709551615, "s": -9223372036854775808}', schema)).toEqual([]);
  });

  it('rejects 2^64 in a uint64 although it equals the maximum as a double', () => {
    const f = runRule(rule, '{"u": 18446744073709551616}', schema);
    expect(f.map((x) => x.pointer)).toEqual(['/u']);
    expect(f[0]!.params).toMatchObject({ type: 'uint64', value: '18446744073709551616' });
  });

  it('rejects 2^63 in an int64, also inside arrays and written with an exponent', () => {
    const f = runRule(rule, '{"s": 9223372036854775808, "list": [{"v": 1}, {"v": 1.8446744073709551616e19}]}', schema);
    expect(f.map((x) => x.pointer)).toEqual(['/s', '/list/1/v']);
  });

  it('reads the exact integer of a literal', () => {
    expect(exactInteger('1.5e1')).toBe(15n);
    expect(exactInteger('1.25e1')).toBeUndefined();
    expect(exactInteger('-12000e-3')).toBe(-12n);
    expect(exactInteger('1e1000')).toBeUndefined();
  });
});
