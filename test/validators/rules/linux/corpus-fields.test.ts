/**
 * The valid documents of test/corpus/runtime/linux together use every
 * property the linux schema knows in any version, so a schema that wrongly
 * rejects a field fails on real data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linuxSchema } from '../../../../validators/schemas/runtime/config-linux.js';
import type { Schema } from '../../../../validators/schemas/dsl.js';
import { RUNTIME_SPEC_VERSIONS } from '../../../../spec/versions.js';

const DIR = join(import.meta.dirname, '..', '..', '..', 'corpus', 'runtime', 'linux');

/** Property paths of a schema; array items fold into their array, map values are '*'. */
function schemaPaths(s: Schema, base: string, out: Set<string>): void {
  const props = s.properties as Record<string, Schema> | undefined;
  for (const [k, v] of Object.entries(props ?? {})) {
    out.add(`${base}.${k}`);
    schemaPaths(v, `${base}.${k}`, out);
  }
  if (s.items) schemaPaths(s.items as Schema, base, out);
  if (typeof s.additionalProperties === 'object') schemaPaths(s.additionalProperties as Schema, `${base}.*`, out);
}

/** Property paths a document uses, with array items and map values folded the same way. */
function docPaths(v: unknown, base: string, out: Set<string>, mapsAt: Set<string>): void {
  if (Array.isArray(v)) for (const item of v) docPaths(item, base, out, mapsAt);
  else if (typeof v === 'object' && v !== null)
    for (const [k, child] of Object.entries(v)) {
      const p = mapsAt.has(base) ? `${base}.*` : `${base}.${k}`;
      out.add(p);
      docPaths(child, p, out, mapsAt);
    }
}

const MAPS = new Set(['linux.timeOffsets', 'linux.netDevices', 'linux.resources.rdma', 'linux.resources.unified', 'linux.sysctl']);

describe('linux corpus', () => {
  it('uses every linux property of every version in a valid document', () => {
    const known = new Set<string>();
    for (const v of RUNTIME_SPEC_VERSIONS) schemaPaths(linuxSchema(v), 'linux', known);
    const used = new Set<string>();
    for (const f of readdirSync(DIR).filter((n) => n.endsWith('.case.json'))) {
      const c = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as { document?: { linux?: unknown }; expect: { valid: boolean } };
      if (c.expect.valid && c.document) docPaths(c.document.linux, 'linux', used, MAPS);
    }
    expect([...known].filter((p) => !used.has(p)).sort()).toEqual([]);
  });
});
