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
  readonly valueAt: PointerIndex;
  /** Offset of each member's key (its opening quote), by the member's pointer. */
  readonly keyAt: PointerIndex;
  readonly duplicates: readonly DuplicateKey[];
  /** Numbers with magnitude of 2^53 or more, whose double value may differ from the text. */
  readonly bigNumbers: readonly BigNumber[];
}

/** Offsets looked up by JSON pointer (computed on demand: most documents never need one). */
export interface PointerIndex {
  get(pointer: string): number | undefined;
}

/** Offsets of a container's members: values by key or index, keys by key. */
interface Offsets {
  readonly v: Record<string, number> | number[];
  readonly k: Record<string, number> | undefined;
}

function setOwn(o: Record<string, number>, key: string, v: number): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value: v, enumerable: true, writable: true, configurable: true });
  else o[key] = v;
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
  // Positions are kept per container, not per pointer: building a pointer string
  // for every value cost more than the rest of the parse.
  const offsets = new WeakMap<object, Offsets>();
  const path: string[] = [];
  const pointerHere = (): string => (path.length === 0 ? '' : `/${path.map(escapePointerToken).join('/')}`);
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

  const parseNumber = (): number => {
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
    if (v >= SAFE || v <= -SAFE) bigNumbers.push({ pointer: pointerHere(), raw });
    return v;
  };

  const literal = (word: string, v: JsonValue): JsonValue => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return v;
    }
    return fail(`unexpected ${describe(i)}`);
  };

  /** Parses the value at i (whitespace already skipped by the caller). */
  const parseValue = (depth: number): JsonValue => {
    const c = text.charCodeAt(i);
    switch (c) {
      case 0x7b: {
        if (depth >= maxDepth) throw new JsonDepthError(maxDepth, i);
        i++;
        const obj: { [k: string]: JsonValue } = {};
        const v: Record<string, number> = {};
        const k: Record<string, number> = {};
        offsets.set(obj, { v, k });
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
          path.push(key);
          // a repeated key: `first` is the occurrence before it; keys and values then point at the last one, as the value does
          if (Object.prototype.hasOwnProperty.call(k, key)) duplicates.push({ pointer: pointerHere(), first: k[key]!, again: keyOffset });
          setOwn(k, key, keyOffset);
          ws();
          if (text.charCodeAt(i) !== 0x3a) fail(`expected ':' after a property name, found ${describe(i)}`);
          i++;
          ws();
          setOwn(v, key, i);
          const value = parseValue(depth + 1);
          path.pop();
          if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
          else obj[key] = value;
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
        const at: number[] = [];
        offsets.set(arr, { v: at, k: undefined });
        ws();
        if (text.charCodeAt(i) === 0x5d) {
          i++;
          return arr;
        }
        for (;;) {
          ws();
          if (text.charCodeAt(i) === 0x5d) fail('trailing comma before ]');
          at.push(i);
          path.push(String(arr.length));
          arr.push(parseValue(depth + 1));
          path.pop();
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
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return parseNumber();
        if (i >= n) return fail('unexpected end of input: a value was expected');
        if (c === 0x27) return fail("strings must use double quotes, not '");
        return fail(`unexpected ${describe(i)}: a value was expected`);
    }
  };

  ws();
  const rootAt = i;
  const value = parseValue(0);
  ws();
  if (i < n) fail(`unexpected ${describe(i)} after the end of the document`);
  const lookup = (which: 'v' | 'k', pointer: string): number | undefined => {
    if (pointer === '') return which === 'v' ? rootAt : undefined;
    if (!pointer.startsWith('/')) return undefined;
    const tokens = pointer.slice(1).split('/');
    let cur: JsonValue = value;
    for (let t = 0; t < tokens.length; t++) {
      if (cur === null || typeof cur !== 'object') return undefined;
      const o = offsets.get(cur);
      if (!o) return undefined;
      const tok = tokens[t]!.replace(/~1/g, '/').replace(/~0/g, '~');
      const last = t === tokens.length - 1;
      if (Array.isArray(cur)) {
        if (!/^(0|[1-9]\d*)$/.test(tok) || Number(tok) >= cur.length) return undefined;
        if (last) return which === 'v' ? (o.v as number[])[Number(tok)] : undefined;
        cur = cur[Number(tok)]!;
      } else {
        if (!Object.prototype.hasOwnProperty.call(cur, tok)) return undefined;
        if (last) return which === 'v' ? (o.v as Record<string, number>)[tok] : o.k?.[tok];
        cur = cur[tok]!;
      }
    }
    return undefined;
  };
  return {
    text,
    value,
    valueAt: { get: (p) => lookup('v', p) },
    keyAt: { get: (p) => lookup('k', p) },
    duplicates,
    bigNumbers,
  };
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
