/**
 * A strict JSON parser (RFC 8259) that keeps what JSON.parse throws away:
 * the offset of every value and key (by JSON pointer), duplicate keys, and the
 * exact source text of numbers that a double can't hold exactly.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

export interface DuplicateKey {
  /** Pointer of the repeated member. */
  readonly pointer: string;
  /** Offsets of the key's first and repeated occurrence. */
  readonly first: number;
  readonly again: number;
}

export interface BigNumber {
  readonly pointer: string;
  /** The number exactly as written. */
  readonly raw: string;
}

export interface ParsedJson {
  readonly text: string;
  readonly value: JsonValue;
  /** Offset of each value's first character, by pointer. */
  readonly valueAt: ReadonlyMap<string, number>;
  /** Offset of each member's key (its opening quote), by the member's pointer. */
  readonly keyAt: ReadonlyMap<string, number>;
  readonly duplicates: readonly DuplicateKey[];
  /** Numbers with magnitude of 2^53 or more, whose double value may differ from the text. */
  readonly bigNumbers: readonly BigNumber[];
}

export class JsonSyntaxError extends Error {
  readonly code = 'JSON_SYNTAX';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Nesting deeper than this is refused (the spec documents nest at most about 8 levels). */
export class JsonDepthError extends Error {
  readonly code = 'JSON_DEPTH';
  constructor(
    readonly limit: number,
    readonly offset: number,
  ) {
    super(`nesting deeper than ${limit} levels`);
  }
}

export const DEFAULT_MAX_DEPTH = 256;
const SAFE = 2 ** 53;

export function escapePointerToken(t: string): string {
  return t.includes('~') || t.includes('/') ? t.replace(/~/g, '~0').replace(/\//g, '~1') : t;
}

export function parseJson(text: string, maxDepth = DEFAULT_MAX_DEPTH): ParsedJson {
  const valueAt = new Map<string, number>();
  const keyAt = new Map<string, number>();
  const duplicates: DuplicateKey[] = [];
  const bigNumbers: BigNumber[] = [];
  const n = text.length;
  let i = 0;

  const fail = (msg: string, at = i): never => {
    throw new JsonSyntaxError(msg, at);
  };
  const describe = (at: number): string => {
    if (at >= n) return 'end of input';
    const c = text.charCodeAt(at);
    if (c < 0x20 || c === 0x7f) return `control character U+${c.toString(16).padStart(4, '0').toUpperCase()}`;
    return `'${text[at]}'`;
  };
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };

  const parseString = (): string => {
    // text[i] is the opening quote
    const start = i;
    i++;
    let out = '';
    let runStart = i;
    for (;;) {
      if (i >= n) fail('unterminated string', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(runStart, i);
        i++;
        return out;
      }
      if (c === 0x5c) {
        out += text.slice(runStart, i);
        const e = text.charCodeAt(i + 1);
        switch (e) {
          case 0x22: out += '"'; break;
          case 0x5c: out += '\\'; break;
          case 0x2f: out += '/'; break;
          case 0x62: out += '\b'; break;
          case 0x66: out += '\f'; break;
          case 0x6e: out += '\n'; break;
          case 0x72: out += '\r'; break;
          case 0x74: out += '\t'; break;
          case 0x75: {
            const hex = text.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('invalid \\u escape: four hex digits expected', i);
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            fail(`invalid escape sequence '\\${i + 1 < n ? text[i + 1] : ''}'`, i);
        }
        i += 2;
        runStart = i;
        continue;
      }
      if (c < 0x20) fail(`${describe(i)} in a string (escape it)`);
      i++;
    }
  };

  const parseNumber = (pointer: string): number => {
    const start = i;
    if (text.charCodeAt(i) === 0x2d) i++;
    const d0 = text.charCodeAt(i);
    if (d0 === 0x30) {
      i++;
      const d1 = text.charCodeAt(i);
      if (d1 >= 0x30 && d1 <= 0x39) fail('leading zeros are not allowed in numbers', start);
    } else if (d0 >= 0x31 && d0 <= 0x39) {
      while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    } else fail(`expected a digit, found ${describe(i)}`);
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      const s = i;
      while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
      if (i === s) fail('expected a digit after the decimal point');
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 0x2b || sign === 0x2d) i++;
      const s = i;
      while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
      if (i === s) fail('expected a digit in the exponent');
    }
    const raw = text.slice(start, i);
    const v = Number(raw);
    if (!Number.isFinite(v)) fail(`number out of range: ${raw}`, start);
    if (v >= SAFE || v <= -SAFE) bigNumbers.push({ pointer, raw });
    return v;
  };

  const literal = (word: string, v: JsonValue): JsonValue => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return v;
    }
    return fail(`unexpected ${describe(i)}`);
  };

  const parseValue = (pointer: string, depth: number): JsonValue => {
    ws();
    valueAt.set(pointer, i);
    const c = text.charCodeAt(i);
    switch (c) {
      case 0x7b: {
        if (depth >= maxDepth) throw new JsonDepthError(maxDepth, i);
        i++;
        const obj: { [k: string]: JsonValue } = {};
        const seen = new Map<string, number>();
        ws();
        if (text.charCodeAt(i) === 0x7d) {
          i++;
          return obj;
        }
        for (;;) {
          ws();
          if (text.charCodeAt(i) !== 0x22) {
            if (text.charCodeAt(i) === 0x7d) fail('trailing comma before }');
            fail(`expected a property name in double quotes, found ${describe(i)}`);
          }
          const keyOffset = i;
          const key = parseString();
          const p = `${pointer}/${escapePointerToken(key)}`;
          const prev = seen.get(key);
          if (prev !== undefined) duplicates.push({ pointer: p, first: prev, again: keyOffset });
          else seen.set(key, keyOffset);
          keyAt.set(p, keyOffset);
          ws();
          if (text.charCodeAt(i) !== 0x3a) fail(`expected ':' after a property name, found ${describe(i)}`);
          i++;
          const v = parseValue(p, depth + 1);
          if (key === '__proto__') Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
          else obj[key] = v;
          ws();
          const sep = text.charCodeAt(i);
          if (sep === 0x2c) {
            i++;
            continue;
          }
          if (sep === 0x7d) {
            i++;
            return obj;
          }
          fail(`expected ',' or '}' after a property value, found ${describe(i)}`);
        }
      }
      case 0x5b: {
        if (depth >= maxDepth) throw new JsonDepthError(maxDepth, i);
        i++;
        const arr: JsonValue[] = [];
        ws();
        if (text.charCodeAt(i) === 0x5d) {
          i++;
          return arr;
        }
        for (;;) {
          ws();
          if (text.charCodeAt(i) === 0x5d) fail('trailing comma before ]');
          arr.push(parseValue(`${pointer}/${arr.length}`, depth + 1));
          ws();
          const sep = text.charCodeAt(i);
          if (sep === 0x2c) {
            i++;
            continue;
          }
          if (sep === 0x5d) {
            i++;
            return arr;
          }
          fail(`expected ',' or ']' after an array element, found ${describe(i)}`);
        }
      }
      case 0x22:
        return parseString();
      case 0x74:
        return literal('true', true);
      case 0x66:
        return literal('false', false);
      case 0x6e:
        return literal('null', null);
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return parseNumber(pointer);
        if (i >= n) return fail('unexpected end of input: a value was expected');
        if (c === 0x27) return fail("strings must use double quotes, not '");
        return fail(`unexpected ${describe(i)}: a value was expected`);
    }
  };

  const value = parseValue('', 0);
  ws();
  if (i < n) fail(`unexpected ${describe(i)} after the end of the document`);
  return { text, value, valueAt, keyAt, duplicates, bigNumbers };
}

/**
 * Where a finding about `pointer` belongs in the text: the key or the value
 * there, else the nearest ancestor that exists (a missing property points at
 * the object that lacks it).
 */
export function offsetOfPointer(parsed: ParsedJson, pointer: string, at: 'key' | 'value'): number {
  let p = pointer;
  for (;;) {
    const o = (at === 'key' ? parsed.keyAt.get(p) : undefined) ?? parsed.valueAt.get(p);
    if (o !== undefined) return o;
    if (p === '') return 0;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}
