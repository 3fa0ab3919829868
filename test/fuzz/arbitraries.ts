/**
 * fast-check generators for the validators' fuzzing (issue 13, docs/FUZZING.md): documents of every kind
 * oci-validate knows (runtime-spec config, state, features; image-spec manifest, index, image config,
 * descriptor, oci-layout), valid-shaped from the schemas we write from the spec's fields (validators/schemas/:
 * optional members present or absent, nested, values valid or not, plus the strings the rules look at:
 * digests, media types, paths, versions, platforms), mutated ones (members deleted, duplicated with another
 * value, wrong types, huge numbers, deep nesting, unicode, a BOM, trailing garbage, truncation, flipped bytes),
 * and whole image layouts as directories, tar and tar.gz archives.
 */
import { prng } from '../prng.js';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { JsonValue } from '../../validators/json/parse.js';
import { escapePointerToken } from '../../validators/json/parse.js';
import type { Schema } from '../../validators/schemas/dsl.js';
import { schemaSources } from '../../validators/schemas/registry.js';
import type { TarSpecEntry } from '../corpus/image/layouts/tar-writer.js';
import { writeTar } from '../corpus/image/layouts/tar-writer.js';

type Obj = { [k: string]: JsonValue };

// ---------------------------------------------------------------------------------------------------------------
// Values the rules look at, by the name of the member that holds them

const hex = (n: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });

export const digestArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: hex(64).map((h) => `sha256:${h}`) },
  { weight: 2, arbitrary: hex(128).map((h) => `sha512:${h}`) },
  { weight: 1, arbitrary: hex(64).map((h) => `sha256:${h.toUpperCase()}`) },
  { weight: 1, arbitrary: hex(20).map((h) => `sha256:${h}`) },
  { weight: 1, arbitrary: fc.constantFrom('sha256:', ':abc', 'md5:d41d8cd98f00b204e9800998ecf8427e', 'foo+b64:YWJj', 'sha256', 'blake3:' + 'a'.repeat(64), 'sha256:../../etc/passwd') },
);

const MEDIA_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.config.v1+json',
  'application/vnd.oci.image.layer.v1.tar',
  'application/vnd.oci.image.layer.v1.tar+gzip',
  'application/vnd.oci.image.layer.v1.tar+zstd',
  'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
  'application/vnd.oci.empty.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.artifact.manifest.v1+json',
  'application/x.example+json',
  'text/plain',
  'not a media type',
  '',
];
const VERSIONS = ['1.0.0', '1.0.1', '1.0.2', '1.0.2-dev', '1.1.0', '1.1.0-rc.1', '1.2.0', '1.2.1', '1.3.0', '1.1.1', '0.1.0', '2.0.0', '1.0', 'v1.0.0', ''];
const OSES = ['linux', 'windows', 'freebsd', 'solaris', 'zos', 'darwin', 'plan9', 'Linux', ''];
const ARCHES = ['amd64', 'arm64', 'arm', '386', 'ppc64le', 's390x', 'riscv64', 'mips64le', 'wasm', 'x86_64', ''];
const PATHS = ['/', '/proc', '/dev/null', '/tmp/x', 'rootfs', 'relative/path', '../escape', '/a/../../b', '', 'C:\\Windows', '/with space', '/\u00e9t\u00e9'];
const ANNOTATION_KEYS = ['org.opencontainers.image.created', 'org.opencontainers.image.ref.name', 'org.opencontainers.image.base.digest', 'com.example.key', 'io.containerd.x', 'bad key', ''];
const STATUSES = ['creating', 'created', 'running', 'stopped', 'paused', 'bogus'];
const TIMES = ['2024-01-02T03:04:05Z', '2024-01-02T03:04:05.123456789+02:00', '2024-13-45T99:99:99Z', 'yesterday', '1970-01-01T00:00:00Z'];

/** Unicode a document may carry: BMP and astral characters, combining marks, escapes of lone surrogates. */
export const unicodeArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('\ud800', '\udfff', '\u0000', '\u2028\u2029', '\ufeff', 'e\u0301', '\ud83d\ude00', '\u202e'),
);

function stringFor(name: string): fc.Arbitrary<string> | undefined {
  const n = name.toLowerCase();
  if (n === 'digest' || n === 'diff_ids' || n.endsWith('digest')) return digestArb;
  if (n === 'mediatype' || n === 'artifacttype') return fc.constantFrom(...MEDIA_TYPES);
  if (n === 'ociversion' || n === 'imagelayoutversion' || n === 'ociversionmin' || n === 'ociversionmax') return fc.constantFrom(...VERSIONS);
  if (n === 'os') return fc.constantFrom(...OSES);
  if (n === 'architecture') return fc.constantFrom(...ARCHES);
  if (n === 'created') return fc.constantFrom(...TIMES);
  if (n === 'status') return fc.constantFrom(...STATUSES);
  if (n === 'urls') return fc.constantFrom('https://example.com/blob', 'ftp://x', 'not a url', '');
  if (['path', 'cwd', 'destination', 'source', 'bundle', 'rootfspropagation', 'mountlabel', 'root', 'type'].includes(n))
    return fc.oneof(fc.constantFrom(...PATHS), fc.string({ maxLength: 8 }));
  if (n === 'env' || n === 'args' || n === 'cmd' || n === 'entrypoint') return fc.constantFrom('PATH=/usr/bin', 'A=', '=x', 'noequals', 'sh', '-c', '');
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Documents from the schemas

/** A value of any JSON type: what a wrong-typed member holds. */
export const anyJson: fc.Arbitrary<JsonValue> = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>;

const wrong: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constantFrom<JsonValue>(null, true, 0, -1, 1.5, '', 'x', [], {}, 2 ** 53 + 2, -(2 ** 63), 1e300),
  anyJson,
);

interface Ctx {
  readonly depth: number;
  /** Chance of a wrong value at a node (per mille). */
  readonly wrongPerMille: number;
}

const cache = new WeakMap<Schema, Map<string, fc.Arbitrary<JsonValue>>>();

/** An arbitrary for values of a schema node: valid-shaped, now and then with a wrong value in its place. */
export function schemaArb(schema: Schema, name: string, ctx: Ctx): fc.Arbitrary<JsonValue> {
  const key = `${name}\0${ctx.depth}\0${ctx.wrongPerMille}`;
  let m = cache.get(schema);
  if (!m) cache.set(schema, (m = new Map()));
  let a = m.get(key);
  if (!a) {
    const good = shapeArb(schema, name, ctx);
    a = ctx.wrongPerMille > 0 ? fc.oneof({ weight: 1000 - ctx.wrongPerMille, arbitrary: good }, { weight: ctx.wrongPerMille, arbitrary: wrong }) : good;
    m.set(key, a);
  }
  return a;
}

function merged(schema: Schema): Schema {
  const all = schema.allOf as Schema[] | undefined;
  if (!all) return schema;
  let out: Schema = { ...schema };
  delete (out as Record<string, unknown>).allOf;
  for (const s of all) out = { ...out, ...merged(s) };
  return out;
}

function shapeArb(raw: Schema, name: string, ctx: Ctx): fc.Arbitrary<JsonValue> {
  const s = merged(raw);
  if ('const' in s) return fc.constant(s.const as JsonValue);
  if (Array.isArray(s.enum)) return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...(s.enum as JsonValue[])) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) as fc.Arbitrary<JsonValue> });
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
  if (s.nullable === true) types.push('null');
  if (types.length === 0) return anyJson;
  const arbs = types.map((t) => typeArb(t, s, name, ctx));
  return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
}

function typeArb(t: string, s: Schema, name: string, ctx: Ctx): fc.Arbitrary<JsonValue> {
  const deeper: Ctx = { ...ctx, depth: ctx.depth + 1 };
  switch (t) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'string': {
      if (typeof s.pattern === 'string') return fc.oneof(fc.stringMatching(new RegExp(s.pattern)), fc.constantFrom('0B', '1XB', '12MB'));
      const hinted = stringFor(name);
      return hinted ? fc.oneof({ weight: 8, arbitrary: hinted }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }, { weight: 1, arbitrary: unicodeArb }) : fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 10 }) }, { weight: 1, arbitrary: unicodeArb });
    }
    case 'integer': {
      const min = typeof s.minimum === 'number' ? s.minimum : -(2 ** 31);
      const max = typeof s.maximum === 'number' ? s.maximum : 2 ** 31 - 1;
      const safeMin = Math.max(min, Number.MIN_SAFE_INTEGER);
      const safeMax = Math.min(max, Number.MAX_SAFE_INTEGER);
      return fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: Math.max(safeMin, -1000), max: Math.min(safeMax, 100_000) }) },
        { weight: 2, arbitrary: fc.constantFrom(min, max, safeMin, safeMax) },
        { weight: 1, arbitrary: fc.constantFrom(min - 1, max + 1, 2 ** 64, -(2 ** 63) - 4096, 0.5) },
      );
    }
    case 'number':
      return fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case 'array': {
      if (ctx.depth > 12) return fc.constant([]);
      const items = (s.items as Schema | undefined) ?? {};
      const minLength = typeof s.minItems === 'number' ? s.minItems : 0;
      return fc.oneof(
        { weight: 9, arbitrary: fc.array(schemaArb(items, singular(name), deeper), { minLength, maxLength: Math.max(minLength, ctx.depth > 4 ? 2 : 3) }) },
        { weight: 1, arbitrary: fc.array(schemaArb(items, singular(name), deeper), { maxLength: 2 }) },
      );
    }
    case 'object': {
      if (ctx.depth > 12) return fc.constant({});
      const props = (s.properties as Record<string, Schema> | undefined) ?? {};
      const required = ((s.required as string[] | undefined) ?? []).filter((k) => k in props);
      const model: Record<string, fc.Arbitrary<JsonValue>> = {};
      for (const [k, v] of Object.entries(props)) model[k] = schemaArb(v, k, deeper);
      const names = Object.keys(props);
      const known =
        names.length === 0
          ? fc.constant({} as Obj)
          : fc.oneof(
              { weight: 9, arbitrary: fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Obj> },
              { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<Obj> },
            );
      const add = s.additionalProperties;
      const extraKeys = names.length > 0 ? fc.oneof(fc.constantFrom(...names).map(typo), fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'a/b', 'x~y', '')) : fc.string({ maxLength: 6 });
      const extra =
        add && typeof add === 'object'
          ? fc.dictionary(name === 'annotations' || name === 'labels' ? fc.oneof(fc.constantFrom(...ANNOTATION_KEYS), fc.string({ maxLength: 8 })) : fc.string({ maxLength: 8 }), schemaArb(add as Schema, `${name}.value`, deeper), { maxKeys: 3 })
          : fc.oneof({ weight: 6, arbitrary: fc.constant({} as Record<string, JsonValue>) }, { weight: 1, arbitrary: fc.dictionary(extraKeys, anyJson, { maxKeys: 2 }) });
      return fc.tuple(known, extra).map(([k, e]) => {
        const out: Obj = {};
        for (const [key, v] of [...Object.entries(e), ...Object.entries(k)]) define(out, key, v);
        return out;
      });
    }
    default:
      return anyJson;
  }
}

function define(o: Obj, key: string, v: JsonValue): void {
  Object.defineProperty(o, key, { value: v, enumerable: true, writable: true, configurable: true });
}

function singular(name: string): string {
  return name === 'diff_ids' ? 'digest' : name.endsWith('s') ? name.slice(0, -1) : name;
}

/** A near miss of a member name (for json.did-you-mean): case changed, a letter dropped or doubled. */
function typo(k: string): string {
  if (k.length < 3) return k.toUpperCase();
  const i = k.length >> 1;
  return k.charCodeAt(0) % 3 === 0 ? k.toUpperCase() : k.charCodeAt(1) % 2 === 0 ? k.slice(0, i) + k.slice(i + 1) : k.slice(0, i) + k[i] + k.slice(i);
}

/** The kinds and the versions we have a schema for. */
export const SOURCES = schemaSources();
export const DOC_KINDS = [...new Set(SOURCES.map((s) => s.kind))];

export interface GeneratedDoc {
  readonly kind: string;
  readonly version: string;
  readonly value: JsonValue;
}

const schemaOf = new Map<string, Schema>();
function schemaFor(kind: string, version: string): Schema {
  const key = `${kind}@${version}`;
  let s = schemaOf.get(key);
  if (!s) {
    s = SOURCES.find((x) => x.kind === kind && x.version === version)!.schema();
    schemaOf.set(key, s);
  }
  return s;
}

/** A document of the kind at one of its versions, its declared version often the one its schema is of. */
export function docArb(kind: string, wrongPerMille = 15): fc.Arbitrary<GeneratedDoc> {
  const versions = SOURCES.filter((s) => s.kind === kind).map((s) => s.version);
  return fc.constantFrom(...versions).chain((version) =>
    schemaArb(schemaFor(kind, version), kind, { depth: 0, wrongPerMille }).map((value) => {
      if (value && typeof value === 'object' && !Array.isArray(value) && 'ociVersion' in value && typeof value.ociVersion === 'string' && value.ociVersion.length % 3 !== 0)
        define(value, 'ociVersion', version);
      return { kind, version, value };
    }),
  );
}

export const anyDocArb: fc.Arbitrary<GeneratedDoc> = fc.constantFrom(...DOC_KINDS).chain((k) => docArb(k));

// ---------------------------------------------------------------------------------------------------------------
// Text: key order, whitespace, duplicate keys

export interface Style {
  /** Seed of the key order (0: as generated). */
  readonly order: number;
  /** Whitespace between tokens: none, pretty (2 spaces), tabs, or random runs from this seed. */
  readonly space: 'none' | 'pretty' | 'tabs' | number;
}

export const styleArb: fc.Arbitrary<Style> = fc.record({
  order: fc.nat(),
  space: fc.oneof(fc.constantFrom<'none' | 'pretty' | 'tabs'>('none', 'pretty', 'tabs'), fc.nat()),
});


/** A member to write twice: at `pointer` (an object member), `shadowed` first, then the value itself. */
export interface Duplicate {
  readonly pointer: string;
  readonly shadowed: JsonValue;
}

/** JSON text of a value in a style, optionally with one member written twice (the first shadowed). */
export function serialize(value: JsonValue, style: Style, dup?: Duplicate): string {
  const rnd = prng(style.order);
  const ws = typeof style.space === 'number' ? prng(style.space) : undefined;
  const gap = (level: number): string => {
    if (style.space === 'none') return '';
    if (style.space === 'pretty') return `\n${'  '.repeat(level)}`;
    if (style.space === 'tabs') return `\n${'\t'.repeat(level)}`;
    let s = '';
    const n = Math.floor(ws!() * 4);
    for (let i = 0; i < n; i++) s += ' \n\r\t'[Math.floor(ws!() * 4)]!;
    return s;
  };
  const out = (v: JsonValue, level: number, pointer: string): string => {
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      return `[${v.map((x, i) => gap(level + 1) + out(x, level + 1, `${pointer}/${i}`)).join(',')}${gap(level)}]`;
    }
    const keys = Object.keys(v);
    if (style.order !== 0)
      for (let i = keys.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [keys[i], keys[j]] = [keys[j]!, keys[i]!];
      }
    if (keys.length === 0) return '{}';
    const members: string[] = [];
    for (const k of keys) {
      const p = `${pointer}/${escapePointerToken(k)}`;
      const sep = style.space === 'none' ? ':' : ': ';
      if (dup && dup.pointer === p) members.push(`${gap(level + 1)}${JSON.stringify(k)}${sep}${out(dup.shadowed, level + 1, `${p}#shadow`)}`);
      members.push(`${gap(level + 1)}${JSON.stringify(k)}${sep}${out(v[k]!, level + 1, p)}`);
    }
    return `{${members.join(',')}${gap(level)}}`;
  };
  return out(value, 0, '');
}

/** Pointers of every object member in a value (where a duplicate can go). */
export function memberPointers(v: JsonValue, pointer = '', out: string[] = []): string[] {
  if (v === null || typeof v !== 'object') return out;
  if (Array.isArray(v)) v.forEach((x, i) => memberPointers(x, `${pointer}/${i}`, out));
  else
    for (const k of Object.keys(v)) {
      const p = `${pointer}/${escapePointerToken(k)}`;
      out.push(p);
      memberPointers(v[k]!, p, out);
    }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Mutations of a document's text or bytes

export type Mutation =
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'flip'; readonly at: number; readonly byte: number }
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'bom' }
  | { readonly op: 'garbage'; readonly text: string }
  | { readonly op: 'nest'; readonly depth: number; readonly open: '[' | '{"a":' }
  | { readonly op: 'huge-number'; readonly at: number; readonly digits: string }
  | { readonly op: 'nul'; readonly at: number }
  | { readonly op: 'bad-utf8'; readonly at: number };

const hugeNumber = fc.constantFrom('18446744073709551616', '-9223372036854775809', '1e400', '1' + '0'.repeat(400), '0.' + '0'.repeat(300) + '1', '1e-400', '9007199254740993', '-0', '1E+2', '123456789012345678901234567890.5');

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', 'null', ',"x":1', '\\u00', '\\ud800', '"\\ud83d"'), unicodeArb) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.constant({ op: 'bom' as const }),
  fc.record({ op: fc.constant('garbage' as const), text: fc.oneof(fc.constantFrom('x', '}', ' {}', '\n\n', '\u0000', '/* c */', '\u00a0'), unicodeArb) }),
  fc.record({ op: fc.constant('nest' as const), depth: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.constant(100_000)), open: fc.constantFrom<'[' | '{"a":'>('[', '{"a":') }),
  fc.record({ op: fc.constant('huge-number' as const), at: fc.nat(), digits: hugeNumber }),
  fc.record({ op: fc.constant('nul' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('bad-utf8' as const), at: fc.nat() }),
);

/** Applies a mutation to a document's bytes (`at` is taken modulo the length). */
export function mutate(bytes: Buffer, m: Mutation): Buffer {
  const n = bytes.length;
  const pos = (at: number): number => (n === 0 ? 0 : at % (n + 1));
  switch (m.op) {
    case 'truncate':
      return bytes.subarray(0, pos(m.at));
    case 'flip': {
      if (n === 0) return bytes;
      const b = Buffer.from(bytes);
      b[m.at % n] = m.byte;
      return b;
    }
    case 'insert':
      return Buffer.concat([bytes.subarray(0, pos(m.at)), Buffer.from(m.text), bytes.subarray(pos(m.at))]);
    case 'delete':
      return Buffer.concat([bytes.subarray(0, pos(m.at)), bytes.subarray(pos(m.at) + m.length)]);
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    case 'garbage':
      return Buffer.concat([bytes, Buffer.from(m.text)]);
    case 'nest': {
      const close = m.open === '[' ? ']' : '}';
      return Buffer.from(m.open.repeat(m.depth) + bytes.toString() + close.repeat(m.depth));
    }
    case 'huge-number': {
      // the number nearest after `at`, or the first value of the document
      const s = bytes.toString();
      const re = /-?\d+(\.\d+)?([eE][+-]?\d+)?/g;
      re.lastIndex = pos(m.at) % (s.length + 1);
      const hit = re.exec(s) ?? /-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(s);
      if (!hit) return Buffer.from(s.replace(/:/, `:${m.digits},"_":`));
      return Buffer.from(s.slice(0, hit.index) + m.digits + s.slice(hit.index + hit[0].length));
    }
    case 'nul':
      return Buffer.concat([bytes.subarray(0, pos(m.at)), Buffer.from([0]), bytes.subarray(pos(m.at))]);
    case 'bad-utf8':
      return Buffer.concat([bytes.subarray(0, pos(m.at)), Buffer.from([0xc3, 0x28, 0xed, 0xa0, 0x80]), bytes.subarray(pos(m.at))]);
  }
}

/** A value with a structural change: a member deleted, or replaced by a value of another type. */
export function restructure(v: JsonValue, pick: number, replacement: JsonValue | undefined): JsonValue {
  const ptrs = memberPointers(v);
  if (ptrs.length === 0) return replacement ?? v;
  const target = ptrs[pick % ptrs.length]!;
  const copy = structuredClone(v);
  const tokens = target.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let cur: any = copy;
  for (const t of tokens.slice(0, -1)) cur = cur[t];
  const last = tokens[tokens.length - 1]!;
  if (replacement === undefined) delete cur[last];
  else define(cur, last, replacement);
  return copy;
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs of the fuzzer

export interface DocumentInput {
  readonly type: 'document';
  readonly kind: string;
  readonly version: string;
  /** generated: valid-shaped from the schema; mutated: bytes or structure changed afterwards. */
  readonly origin: 'generated' | 'mutated';
  readonly mutations: readonly string[];
  /** Name the kind (--kind) or let the validator detect it. */
  readonly forceKind: boolean;
  readonly bytes: Buffer;
  /** For generated documents: the value, another style of it, and a duplicate member to write (properties). */
  readonly value?: JsonValue;
  readonly style?: Style;
  readonly otherStyle?: Style;
  readonly dup?: Duplicate;
}

export const generatedInputArb: fc.Arbitrary<DocumentInput> = fc
  .tuple(anyDocArb, styleArb, styleArb, fc.boolean(), fc.nat(), fc.oneof(anyJson, fc.constant<JsonValue>({})))
  .map(([doc, style, otherStyle, forceKind, pick, shadowed]) => {
    const ptrs = memberPointers(doc.value);
    const dup = ptrs.length > 0 && pick % 4 === 0 ? { pointer: ptrs[pick % ptrs.length]!, shadowed } : undefined;
    return {
      type: 'document' as const,
      kind: doc.kind,
      version: doc.version,
      origin: 'generated' as const,
      mutations: [],
      forceKind: forceKind || doc.kind === 'descriptor' || doc.kind === 'oci-layout',
      bytes: Buffer.from(serialize(doc.value, style)),
      value: doc.value,
      style,
      otherStyle,
      ...(dup ? { dup } : {}),
    };
  });

const structural = fc.oneof(
  fc.record({ op: fc.constant('delete-member' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('wrong-type' as const), pick: fc.nat(), value: wrong }),
  fc.record({ op: fc.constant('duplicate' as const), pick: fc.nat(), value: wrong }),
);

export const mutatedInputArb: fc.Arbitrary<DocumentInput> = fc
  .tuple(anyDocArb, styleArb, fc.array(structural, { maxLength: 2 }), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([doc, style, structs, muts, forceKind]) => {
    let v = doc.value;
    let dup: Duplicate | undefined;
    const names: string[] = [];
    for (const s of structs) {
      if (s.op === 'duplicate') {
        const ptrs = memberPointers(v);
        if (ptrs.length > 0) dup = { pointer: ptrs[s.pick % ptrs.length]!, shadowed: s.value };
      } else v = restructure(v, s.pick, s.op === 'delete-member' ? undefined : s.value);
      names.push(s.op);
    }
    let bytes: Buffer = Buffer.from(serialize(v, style, dup));
    // structure only, now and then: the text stays JSON
    const textual = structs.length === 0 || muts.length > 1 ? muts : [];
    for (const m of textual) {
      bytes = mutate(bytes, m);
      names.push(m.op);
    }
    return { type: 'document' as const, kind: doc.kind, version: doc.version, origin: 'mutated' as const, mutations: names, forceKind, bytes };
  });

// ---------------------------------------------------------------------------------------------------------------
// Image layouts

export interface LayoutFile {
  readonly path: string;
  readonly data?: Buffer;
  /** A symbolic link to this target. */
  readonly link?: string;
}

export interface LayoutInput {
  readonly type: 'layout';
  readonly form: 'dir' | 'tar' | 'tar.gz';
  readonly mutations: readonly string[];
  readonly files: readonly LayoutFile[];
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

const layerEntryArb: fc.Arbitrary<TarSpecEntry> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ name: fc.constantFrom('a', 'etc/passwd', 'usr/bin/x', 'dir/', '.wh.a', 'dir/.wh..wh..opq', 'b c', '\u00e9', 'x'.repeat(120)), data: fc.string({ maxLength: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ name: fc.constantFrom('dir', 'd/e'), type: fc.constant('5') }) },
  { weight: 1, arbitrary: fc.record({ name: fc.constantFrom('l', 'dir/l'), type: fc.constant('2'), linkname: fc.constantFrom('a', '../../etc', '/etc/passwd', 'dir') }) },
  { weight: 1, arbitrary: fc.record({ name: fc.constantFrom('h', 'dir/h'), type: fc.constant('1'), linkname: fc.constantFrom('a', 'missing', '../x') }) },
  { weight: 1, arbitrary: fc.record({ name: fc.constantFrom('../up', '/abs', 'a/../../b', './.', ''), data: fc.constant('x') }) },
  { weight: 1, arbitrary: fc.record({ name: fc.constant('dev'), type: fc.constantFrom('3', '4', '6', 'S', 'g', 'Z') }) },
);

const layerArb = fc.record({
  entries: fc.array(layerEntryArb, { maxLength: 5 }),
  compression: fc.constantFrom<'gzip' | 'none' | 'garbage'>('gzip', 'gzip', 'none', 'garbage'),
});

const layoutDamage = fc.constantFrom(
  'none',
  'none',
  'drop-blob',
  'flip-blob',
  'wrong-size',
  'wrong-digest',
  'no-oci-layout',
  'bad-oci-layout',
  'no-index',
  'index-garbage',
  'symlink-blob',
  'symlink-index',
  'extra-blob',
  'bad-blob-name',
  'manifest-as-index',
  'nested-index',
  'second-index',
  'mutated-manifest',
);

/** A layout: index.json -> (maybe an index) -> manifest -> config and layers, then damaged as drawn. */
export const layoutInputArb: fc.Arbitrary<LayoutInput> = fc
  .record({
    layers: fc.array(layerArb, { maxLength: 3 }),
    config: docArb('image-config', 30),
    manifestExtra: docArb('manifest', 30),
    damage: fc.array(layoutDamage, { minLength: 1, maxLength: 2 }),
    pick: fc.nat(),
    form: fc.constantFrom<'dir' | 'tar' | 'tar.gz'>('dir', 'tar', 'tar.gz'),
    mutation: mutationArb,
  })
  .map(({ layers, config, manifestExtra, damage, pick, form, mutation }) => {
    const blobs = new Map<string, Buffer>();
    const add = (b: Buffer): string => {
      const d = sha256(b);
      blobs.set(d, b);
      return d;
    };
    const desc = (mediaType: string, b: Buffer, extra: Obj = {}): Obj => ({ mediaType, digest: `sha256:${add(b)}`, size: b.length, ...extra });
    const diffIds: string[] = [];
    const layerDescs = layers.map((l) => {
      const tar = writeTar(l.entries);
      diffIds.push(`sha256:${sha256(tar)}`);
      const bytes = l.compression === 'gzip' ? gzipSync(tar) : l.compression === 'none' ? tar : Buffer.from('not a layer at all');
      return desc(l.compression === 'none' ? 'application/vnd.oci.image.layer.v1.tar' : 'application/vnd.oci.image.layer.v1.tar+gzip', bytes);
    });
    const cfgValue: JsonValue =
      config.value && typeof config.value === 'object' && !Array.isArray(config.value) ? { ...config.value, rootfs: { type: 'layers', diff_ids: diffIds } } : config.value;
    const cfg = Buffer.from(JSON.stringify(cfgValue));
    const base = manifestExtra.value && typeof manifestExtra.value === 'object' && !Array.isArray(manifestExtra.value) && pick % 5 === 0 ? manifestExtra.value : {};
    const manifest: Obj = { ...base, schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: desc('application/vnd.oci.image.config.v1+json', cfg), layers: layerDescs };
    let mbytes: Buffer = Buffer.from(JSON.stringify(manifest, null, pick % 2 === 0 ? 2 : 0));
    if (damage.includes('mutated-manifest')) mbytes = mutate(mbytes, mutation);
    let top = desc('application/vnd.oci.image.manifest.v1+json', mbytes, { platform: { architecture: 'amd64', os: 'linux' } });
    if (damage.includes('manifest-as-index')) top = { ...top, mediaType: 'application/vnd.oci.image.index.v1+json' };
    if (damage.includes('nested-index')) {
      const inner = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [top] }));
      top = desc('application/vnd.oci.image.index.v1+json', inner);
    }
    if (damage.includes('wrong-size')) top = { ...top, size: (top.size as number) + 1 };
    if (damage.includes('wrong-digest')) top = { ...top, digest: `sha256:${'0'.repeat(64)}` };
    const files: LayoutFile[] = [];
    if (!damage.includes('no-oci-layout')) files.push({ path: 'oci-layout', data: Buffer.from(damage.includes('bad-oci-layout') ? '{"imageLayoutVersion": 2' : '{"imageLayoutVersion":"1.0.0"}') });
    let index: Buffer = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [top] }, null, 2));
    if (damage.includes('second-index')) {
      // index.json names an index blob too, which names the same manifest again
      const selfRef = Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [top] }));
      const d = add(selfRef);
      index = Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [top, { mediaType: 'application/vnd.oci.image.index.v1+json', digest: `sha256:${d}`, size: selfRef.length }] }));
    }
    if (damage.includes('index-garbage')) index = mutate(index, mutation);
    if (damage.includes('symlink-index')) files.push({ path: 'index.json', link: '/etc/passwd' });
    else if (!damage.includes('no-index')) files.push({ path: 'index.json', data: index });
    const names = [...blobs.keys()];
    const victim = names.length > 0 ? names[pick % names.length]! : undefined;
    for (const [d, b] of blobs) {
      const path = `blobs/sha256/${d}`;
      if (d === victim && damage.includes('drop-blob')) continue;
      if (d === victim && damage.includes('symlink-blob')) {
        files.push({ path, link: '../../oci-layout' });
        continue;
      }
      if (d === victim && damage.includes('flip-blob') && b.length > 0) {
        const c = Buffer.from(b);
        c[c.length >> 1] = c[c.length >> 1]! ^ 0xff;
        files.push({ path, data: c });
        continue;
      }
      files.push({ path, data: b });
    }
    if (damage.includes('extra-blob')) files.push({ path: `blobs/sha256/${sha256(Buffer.from('extra'))}`, data: Buffer.from('extra') });
    if (damage.includes('bad-blob-name')) files.push({ path: 'blobs/sha256/NOT-HEX', data: Buffer.from('x') });
    return { type: 'layout' as const, form, mutations: damage.filter((d) => d !== 'none'), files };
  });

/** A layout as a tar (or tar.gz) archive. */
export function layoutArchive(input: LayoutInput): Buffer {
  const dirs = new Set<string>();
  const entries: TarSpecEntry[] = [];
  for (const f of input.files) {
    const parts = f.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const d = `${parts.slice(0, i).join('/')}/`;
      if (!dirs.has(d)) {
        dirs.add(d);
        entries.push({ name: d, type: '5' });
      }
    }
    entries.push(f.link !== undefined ? { name: f.path, type: '2', linkname: f.link } : { name: f.path, data: f.data ?? Buffer.alloc(0) });
  }
  const tar = writeTar(entries);
  return input.form === 'tar.gz' ? gzipSync(tar) : tar;
}

// ---------------------------------------------------------------------------------------------------------------

export type FuzzInput = DocumentInput | LayoutInput;

/** The label of an input in the figures. */
export function labelOf(i: FuzzInput): string {
  return i.type === 'layout' ? `layout:${i.form}` : `${i.kind}:${i.origin}`;
}

export function sizeOf(i: FuzzInput): number {
  return i.type === 'layout' ? i.files.reduce((n, f) => n + (f.data?.length ?? 0), 0) : i.bytes.length;
}

/** Everything the fuzzer feeds: mostly documents, generated and mutated, and some whole layouts. */
export function fuzzInputArb(layoutWeight = 3): fc.Arbitrary<FuzzInput> {
  return fc.oneof(
    { weight: 50, arbitrary: generatedInputArb as fc.Arbitrary<FuzzInput> },
    { weight: 47, arbitrary: mutatedInputArb as fc.Arbitrary<FuzzInput> },
    { weight: layoutWeight, arbitrary: layoutInputArb as fc.Arbitrary<FuzzInput> },
  );
}
