/**
 * The contract of every finding (docs/ARCHITECTURE.md, Diagnostics): a rule id,
 * a requirement id from the catalogue and an RFC 2119 level. Runs the whole
 * document corpus and the layout corpus and asserts that every finding above
 * info cites a requirement that exists, at the level MUST or SHOULD. The few
 * rules that can't are listed with the reason; a new one fails here.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateDocument } from '../../validators/document.js';
import { validatePath } from '../../validators/inputs.js';
import type { Diagnostic } from '../../validators/diagnostic.js';
import { requirement } from '../../spec/catalogue.js';
import { buildLayout } from '../corpus/image/layouts/builder.js';
import type { LayoutSpec } from '../corpus/image/layouts/builder.js';

const CORPUS = join(import.meta.dirname, '..', 'corpus');

/** Rules whose findings may still lack a requirement, each with why. */
const KNOWN_WITHOUT_REQUIREMENT: Readonly<Record<string, string>> = {
  // Another part of issue 8 (the -dev version convention) gives these two their requirement; remove the
  // lines once that branch is merged.
  'json.newer-field': 'issue 8, -dev helper: newer-field gets its requirement there',
  'linux.newer-enum-value': 'issue 8, -dev helper: newer-enum-value gets its requirement there',
  // Not JSON at all: no kind could be told, so no spec's requirement applies (RFC 8259 is not in the catalogue).
  'json.syntax': 'the text is not JSON; no document kind, so no spec requirement to cite',
};

/**
 * Checks of the layout walker that no sentence of the image spec backs: limits
 * of our own, and refusals of what no tool can apply safely
 * (docs/schema-vs-prose.md, image-layout.md and layer.md).
 */
const WALKER_OWN_CHECKS: Readonly<Record<string, string>> = {
  'layout.json.too-large': 'our --max-bytes limit',
  'layout.json.encoding': 'a JSON blob that is not UTF-8 text: not JSON, no kind to cite',
  'layout.layer.decompression-limit': 'our --max-decompressed-bytes budget',
  'layout.layer.decompression-ratio': 'our --max-decompression-ratio bound on a decompression bomb',
  'layout.layer.names-limit': 'our budget of entry names kept in a run',
  'layout.layer.path-too-long': 'a name past PATH_MAX, which no runtime can create; the text is silent',
  'layout.layer.symlink-escape': 'unsafe layer entry (written through a link out of the root); the text is silent',
  // corrupt data, or a zstd frame whose window is over our 128 MiB limit (which zstd itself may accept)
  'layout.layer.decompress-failed': 'corrupt compressed data, or a zstd window over our limit',
  'layout.layer.absolute-path': 'unsafe layer entry; the text is silent',
  'layout.layer.dotdot-path': 'unsafe layer entry; the text is silent',
  'layout.layer.hardlink-escape': 'unsafe layer entry; the text is silent',
  'layout.layer.hardlink-target-missing': 'unsafe layer entry; the text is silent',
  'layout.layer.hardlink-to-directory': 'unsafe layer entry; the text is silent',
  'layout.layer.whiteout-not-empty': 'a whiteout is described as an empty file, with no keyword',
  'layout.layer.whiteout-not-file': 'a whiteout is described as an empty file, with no keyword',
  'layout.symlink': 'we never follow links; the text is silent',
  'layout.walk.cycle': 'a descriptor cycle: the walk stops, the text is silent',
};

function listCases(dir: string, suffix: string): string[] {
  return readdirSync(dir)
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? listCases(p, suffix) : n.endsWith(suffix) ? [p] : [];
    })
    .sort();
}

interface DocCase {
  readonly kind?: string;
  readonly specVersion?: string;
  readonly level?: 'MUST' | 'SHOULD';
  readonly document?: unknown;
  readonly text?: string;
}

/** `rule pointer` of every finding above info that breaks the contract. */
function offenders(diags: readonly Diagnostic[], allowed: Readonly<Record<string, string>>): string[] {
  return diags
    .filter((d) => d.severity !== 'info' && !Object.hasOwn(allowed, d.rule))
    .filter((d) => !d.requirement || !requirement(d.requirement) || (d.level !== 'MUST' && d.level !== 'SHOULD'))
    .map((d) => `${d.rule} ${d.pointer} (${d.requirement ?? 'no requirement'}, ${d.level})`);
}

describe('every finding above info cites a requirement and a level', () => {
  it('in the document corpus', async () => {
    const bad: string[] = [];
    for (const f of listCases(CORPUS, '.case.json')) {
      const c = JSON.parse(readFileSync(f, 'utf8')) as DocCase;
      const r = await validateDocument(f, c.text ?? JSON.stringify(c.document, null, 2), {
        ...(c.kind ? { kind: c.kind } : {}),
        ...(c.specVersion ? { specVersion: c.specVersion } : {}),
        ...(c.level ? { level: c.level } : {}),
      });
      bad.push(...offenders(r.diagnostics, KNOWN_WITHOUT_REQUIREMENT).map((o) => `${relative(CORPUS, f)}: ${o}`));
    }
    expect(bad).toEqual([]);
  });

  const work = mkdtempSync(join(tmpdir(), 'oci-contract-layouts-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('in the layout corpus, but for the walker checks of our own', async () => {
    const bad: string[] = [];
    for (const f of listCases(join(CORPUS, 'image', 'layouts'), '.layout.json')) {
      const c = JSON.parse(readFileSync(f, 'utf8')) as LayoutSpec & { options?: Parameters<typeof validatePath>[1] };
      const base = join(work, relative(CORPUS, f).replace(/\W/g, '_'));
      buildLayout(c, join(base, 'layout'), join(base, 'outside'));
      const results = await validatePath(join(base, 'layout'), c.options ?? {});
      const diags = results.flatMap((r) => r.diagnostics);
      bad.push(...offenders(diags, { ...KNOWN_WITHOUT_REQUIREMENT, ...WALKER_OWN_CHECKS }).map((o) => `${relative(CORPUS, f)}: ${o}`));
    }
    expect(bad).toEqual([]);
  });

  it.each([
    ['schema.enum', 'an unknown rootfsPropagation', { linux: { rootfsPropagation: 'bogus' } }, 'CFG-VALID-VALUES-ERROR', 'MUST'],
    ['schema.type', 'a string where a boolean belongs', { process: { terminal: 'yes', cwd: '/', args: ['sh'], user: { uid: 0, gid: 0 } } }, 'CFG-VALID-VALUES-ERROR', 'MUST'],
    ['linux.id-mappings.user-namespace', 'mappings without a user namespace', { linux: { namespaces: [{ type: 'pid' }], uidMappings: [{ containerID: 0, hostID: 1000, size: 1 }] } }, 'CFG-VALID-VALUES-ERROR', 'SHOULD'],
    ['linux.cgroups-path.form', "a '..' in cgroupsPath", { linux: { cgroupsPath: '/a/../../b' } }, 'LNX-CGROUPSPATH-FORM', 'SHOULD'],
    ['linux.memory.swap-below-limit', 'swap below the memory limit', { linux: { resources: { memory: { limit: 2048, swap: 1024 } } } }, 'CFG-VALID-VALUES-ERROR', 'SHOULD'],
  ] as const)('%s (%s) cites %s at %s', async (rule, _what, extra, req, level) => {
    const doc = { ociVersion: '1.2.0', root: { path: 'rootfs' }, ...extra };
    const r = await validateDocument('config.json', JSON.stringify(doc), { kind: 'config' });
    const d = r.diagnostics.filter((x) => x.rule === rule);
    expect(d.map((x) => [x.requirement, x.level])).toEqual([[req, level]]);
    expect(d[0]!.reference).toMatch(/^https:\/\/github\.com\/opencontainers\/runtime-spec\/blob\/v1\.2\.0\//);
  });

  it('a type error in an image config cites the definition of its properties', async () => {
    const doc = { architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, config: { ArgsEscaped: 'yes' } };
    const r = await validateDocument('config.json', JSON.stringify(doc), { kind: 'image-config' });
    expect(r.diagnostics.filter((x) => x.rule === 'schema.type').map((x) => [x.pointer, x.requirement, x.level])).toEqual([
      ['/config/ArgsEscaped', 'IMG-CONFIG-PROPERTY-FORM', 'MUST'],
    ]);
  });
});
