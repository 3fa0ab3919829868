/**
 * Reading one JSON file of a layout (oci-layout, index.json, a manifest, index
 * or config blob) and validating it as its kind with the document pipeline.
 */
import { createHash } from 'node:crypto';
import type { CodeCache } from '../../core/code-cache.js';
import { OciError, errnoCode } from '../../core/errors.js';
import { validateDocument } from '../document.js';
import type { ParsedJson } from '../json/parse.js';
import { JsonDepthError, JsonSyntaxError, parseJson } from '../json/parse.js';
import { kindByName } from '../kinds/index.js';
import type { Findings } from './findings.js';
import type { ContentStore } from './store/store.js';

export interface JsonBlob {
  readonly parsed: ParsedJson | undefined;
  readonly size: number;
  /** Hex digest of the bytes in the named algorithm, when asked for. */
  readonly digest: string | undefined;
}

export interface JsonReadOptions {
  readonly kind: string;
  readonly maxBytes: number;
  readonly specVersion: string | undefined;
  readonly level: 'MUST' | 'SHOULD';
  /** Hash the bytes with this node:crypto algorithm. */
  readonly nodeHash?: string;
  readonly codeCache: CodeCache | undefined;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads and validates a JSON file the caller has found to be a regular file of `size` bytes. */
export async function readJsonBlob(store: ContentStore, path: string, size: number, F: Findings, o: JsonReadOptions): Promise<JsonBlob> {
  const file = store.label(path);
  F.file(file, o.kind);
  if (size > o.maxBytes) {
    F.add(file, {
      rule: 'layout.json.too-large',
      message: `${size} bytes is over the limit of ${o.maxBytes} bytes for a JSON document (raise it with --max-bytes); not read`,
      params: { size, limit: o.maxBytes },
    });
    return { parsed: undefined, size, digest: undefined };
  }
  let bytes: Buffer;
  try {
    bytes = await store.readSmall(path);
  } catch (e) {
    F.add(file, { rule: 'layout.blob.unreadable', message: `cannot read it (${errnoCode(e) ?? (e instanceof Error ? e.message : String(e))})` });
    return { parsed: undefined, size, digest: undefined };
  }
  const digest = o.nodeHash ? createHash(o.nodeHash).update(bytes).digest('hex') : undefined;
  const text = decode(bytes);
  if (typeof text !== 'string') {
    F.add(file, { rule: 'layout.json.encoding', message: `${text.error}; a ${o.kind} is JSON text`, params: {} });
    return { parsed: undefined, size: bytes.length, digest };
  }
  let parsed: ParsedJson | undefined;
  try {
    parsed = parseJson(text);
    F.setParsed(file, parsed);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError) && !(e instanceof JsonDepthError)) throw e;
  }
  if (kindByName(o.kind)) {
    try {
      const r = await validateDocument(file, text, { kind: o.kind, level: o.level, ...(o.specVersion ? { specVersion: o.specVersion } : {}), ...(o.codeCache ? { codeCache: o.codeCache } : {}) });
      F.file(file, r.kind, r.version);
      F.addDiagnostics(file, r.diagnostics);
    } catch (e) {
      if (!(e instanceof OciError)) throw e;
      F.add(file, { rule: 'layout.json.unreadable', message: e.message.replace(`${file}: `, ''), params: { code: e.code } });
    }
  } else if (!parsed) {
    F.add(file, { rule: 'json.syntax', level: 'MUST', message: 'invalid JSON', params: {} });
  }
  return { parsed, size: bytes.length, digest };
}

function decode(bytes: Buffer): string | { error: string } {
  if (bytes.length === 0) return { error: 'empty file' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { error: 'starts with a UTF-8 byte order mark' };
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { error: `contains a NUL byte at offset ${nul} (binary data)` };
  try {
    return decoder.decode(bytes);
  } catch {
    return { error: 'is not valid UTF-8' };
  }
}
