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
  /**
   * The readings of the document in which values shadowed by a later duplicate key take their
   * key's place (`value` is the last-wins reading, as JSON.parse's): empty without duplicates.
   * Reading k gives each repeated key its (k+1)-th value (its last when it has fewer), so that
   * every shadowed value is in one reading, up to MAX_SHADOW_READINGS of them.
   */
  readonly shadowReadings: () => readonly ShadowReading[];
}

/**
 * One reading in which some members hold a value that a later duplicate key shadows in `value`.
 * `duplicates` and `bigNumbers` are those of this reading; offsets point at the shadowed values.
 */
export interface ShadowReading extends Omit<ParsedJson, 'shadowReadings'> {
  /** Members (pointers) whose value here is a shadowed one; what lies at or under them is seen only in this reading. */
  readonly substituted: readonly Substitution[];
}

export interface Substitution {
  /** The member's pointer (the same in every reading). */
  readonly pointer: string;
  /** Offset of the later key that shadows this value in the last-wins reading. */
  readonly shadowedBy: number;
}

/** Readings with shadowed values beyond the last-wins one: a key repeated more often has its extra values unread (the duplicate itself is still reported). */
export const MAX_SHADOW_READINGS = 4;

/** Offsets looked up by JSON pointer (computed on demand: most documents never need one). */
export interface PointerIndex {
  get(pointer: string): number | undefined;
}

/** A value a later duplicate key replaced in its object: where its key and value were. */
interface Shadowed {
  readonly value: JsonValue;
  readonly keyAt: number;
  readonly valueAt: number;
}

/** Offsets of a container's members: values by key or index, keys by key. */
interface Offsets {
  readonly v: Record<string, number> | number[];
  readonly k: Record<string, number> | undefined;
  /** Earlier values of keys repeated in this object, in order of appearance. */
  shadows?: Map<string, Shadowed[]>;
  /** This container or one inside it (also a shadowed one) has a repeated key. */
  deep?: boolean;
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
  // with the offset of the repeated key (duplicates) or the number (bigNumbers), to tell which reading holds each
  const duplicates: Array<DuplicateKey & { readonly object: number }> = [];
  const bigNumbers: Array<BigNumber & { readonly at: number }> = [];
  /** Offsets of the containers being parsed, outermost first. */
  const open: Offsets[] = [];
  let maxRepeats = 1;
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
    if (v >= SAFE || v <= -SAFE) bigNumbers.push({ pointer: pointerHere(), raw, at: start });
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
        const objectAt = i;
        i++;
        const obj: { [k: string]: JsonValue } = {};
        const v: Record<string, number> = {};
        const k: Record<string, number> = {};
        const own: Offsets = { v, k };
        offsets.set(obj, own);
        ws();
        if (text.charCodeAt(i) === 0x7d) {
          i++;
          return obj;
        }
        open.push(own);
        for (;;) {
          ws();
          if (text.charCodeAt(i) !== 0x22) {
            if (text.charCodeAt(i) === 0x7d) fail('trailing comma before }');
            fail(`expected a property name in double quotes, found ${describe(i)}`);
          }
          const keyOffset = i;
          const key = parseString();
          path.push(key);
          // a repeated key: `first` is the occurrence before it; keys and values then point at the last one, as the
          // value does, and the value it replaces is kept for the readings that validate it (shadowReadings)
          if (Object.prototype.hasOwnProperty.call(k, key)) {
            duplicates.push({ pointer: pointerHere(), first: k[key]!, again: keyOffset, object: objectAt });
            own.shadows ??= new Map();
            let earlier = own.shadows.get(key);
            if (!earlier) own.shadows.set(key, (earlier = []));
            earlier.push({ value: obj[key]!, keyAt: k[key]!, valueAt: v[key]! });
            maxRepeats = Math.max(maxRepeats, earlier.length + 1);
            for (let d = open.length - 1; d >= 0 && !open[d]!.deep; d--) open[d]!.deep = true;
          }
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
            open.pop();
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
        const own: Offsets = { v: at, k: undefined };
        offsets.set(arr, own);
        ws();
        if (text.charCodeAt(i) === 0x5d) {
          i++;
          return arr;
        }
        open.push(own);
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
            open.pop();
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
  const lookup = (root: JsonValue, which: 'v' | 'k', pointer: string): number | undefined => {
    if (pointer === '') return which === 'v' ? rootAt : undefined;
    if (!pointer.startsWith('/')) return undefined;
    const tokens = pointer.slice(1).split('/');
    let cur: JsonValue = root;
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
  /** What of the parse's duplicates and big numbers a reading holds: those whose place it reaches. */
  const reading = (root: JsonValue): Omit<ParsedJson, 'shadowReadings'> => {
    const valueAt: PointerIndex = { get: (p) => lookup(root, 'v', p) };
    const keyAt: PointerIndex = { get: (p) => lookup(root, 'k', p) };
    const all = duplicates.length === 0; // then every record is in the one reading
    return {
      text,
      value: root,
      valueAt,
      keyAt,
      duplicates: duplicates
        .filter((d) => all || valueAt.get(d.pointer.slice(0, d.pointer.lastIndexOf('/'))) === d.object)
        .map(({ pointer, first, again }) => ({ pointer, first, again })),
      bigNumbers: (all ? bigNumbers : bigNumbers.filter((b) => valueAt.get(b.pointer) === b.at)).map(({ pointer, raw }) => ({ pointer, raw })),
    };
  };
  let readings: ShadowReading[] | undefined;
  const shadowReadings = (): readonly ShadowReading[] => {
    if (readings) return readings;
    readings = [];
    for (let r = 0; r < Math.min(maxRepeats - 1, MAX_SHADOW_READINGS); r++) {
      const substituted: Substitution[] = [];
      const root = rebuild(value, r, '', substituted);
      readings.push({ ...reading(root), substituted });
    }
    return readings;
  };
  /** The value with each repeated key's r-th value (else its last) in place; containers without repeats are shared. */
  const rebuild = (val: JsonValue, r: number, pointer: string, substituted: Substitution[]): JsonValue => {
    if (val === null || typeof val !== 'object') return val;
    const o = offsets.get(val);
    if (!o?.deep) return val;
    if (Array.isArray(val)) {
      const copy = val.map((x, idx) => rebuild(x, r, `${pointer}/${idx}`, substituted));
      offsets.set(copy, o);
      return copy;
    }
    const copy: { [k: string]: JsonValue } = {};
    const v: Record<string, number> = {};
    const k: Record<string, number> = {};
    const ov = o.v as Record<string, number>;
    const ok = o.k!;
    for (const key of Object.keys(val)) {
      const p = `${pointer}/${escapePointerToken(key)}`;
      const earlier = o.shadows?.get(key);
      let pick: Shadowed = { value: val[key]!, keyAt: ok[key]!, valueAt: ov[key]! };
      if (earlier && r < earlier.length) {
        substituted.push({ pointer: p, shadowedBy: ok[key]! });
        pick = earlier[r]!;
      }
      const x = rebuild(pick.value, r, p, substituted);
      if (key === '__proto__') Object.defineProperty(copy, key, { value: x, enumerable: true, writable: true, configurable: true });
      else copy[key] = x;
      setOwn(v, key, pick.valueAt);
      setOwn(k, key, pick.keyAt);
    }
    offsets.set(copy, { v, k });
    return copy;
  };
  return { ...reading(value), shadowReadings };
}

/**
 * Where a finding about `pointer` belongs in the text: the key or the value
 * there, else the nearest ancestor that exists (a missing property points at
 * the object that lacks it).
 */
export function offsetOfPointer(parsed: Pick<ParsedJson, 'keyAt' | 'valueAt'>, pointer: string, at: 'key' | 'value'): number {
  let p = pointer;
  for (;;) {
    const o = (at === 'key' ? parsed.keyAt.get(p) : undefined) ?? parsed.valueAt.get(p);
    if (o !== undefined) return o;
    if (p === '') return 0;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}
