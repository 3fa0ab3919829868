import { describe, expect, it } from 'vitest';
import { JsonDepthError, JsonSyntaxError, parseJson } from '../../../validators/json/parse.js';
import { LineIndex } from '../../../validators/json/position.js';

describe('parseJson', () => {
  it('agrees with JSON.parse on valid documents', () => {
    const docs = ['{}', '[]', '0', '-1.5e+3', '"a\\u00e9\\n"', '{"a":[1,{"b":null}],"c":true,"d":false}', ' \n\t{"x" : "y"} '];
    for (const d of docs) expect(parseJson(d).value).toEqual(JSON.parse(d));
  });

  it('records value and key offsets by JSON pointer', () => {
    const p = parseJson('{\n  "a": {"b~/c": [10, 20]}\n}');
    expect(p.valueAt.get('/a/b~0~1c/1')).toBe(p.text.indexOf('20'));
    expect(p.keyAt.get('/a')).toBe(p.text.indexOf('"a"'));
    expect(new LineIndex(p.text).position(p.valueAt.get('/a/b~0~1c/1')!)).toEqual({ line: 2, column: 22 });
  });

  it('reports duplicate keys with both places', () => {
    const p = parseJson('{"a":1,"a":2}');
    expect(p.duplicates).toEqual([{ pointer: '/a', first: 1, again: 7 }]);
    expect(p.value).toEqual({ a: 2 });
  });

  it('keeps the exact text of numbers a double cannot hold', () => {
    const p = parseJson('{"x": 18446744073709551616, "y": 9007199254740991}');
    expect(p.bigNumbers).toEqual([{ pointer: '/x', raw: '18446744073709551616' }]);
  });

  it.each([
    ['{"a":1,}', 'trailing comma'],
    ['[1,]', 'trailing comma'],
    ["{'a':1}", 'property name'],
    ['{"a":01}', 'leading zeros'],
    ['{"a":1} x', 'after the end'],
    ['"a\tb"', 'control character'],
    ['{"a":"\\x"}', 'escape'],
    ['[1 2]', "expected ','"],
    ['', 'end of input'],
    ['NaN', 'unexpected'],
    ['1e999', 'out of range'],
  ])('rejects %j (%s)', (text, words) => {
    expect(() => parseJson(text)).toThrow(JsonSyntaxError);
    expect(() => parseJson(text)).toThrow(new RegExp(words));
  });

  it('refuses deep nesting without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => parseJson(deep)).toThrow(JsonDepthError);
  });

  it('does not let a __proto__ key change the prototype', () => {
    const v = parseJson('{"__proto__": {"polluted": true}}').value as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__']);
  });
});
