/**
 * Image documents written by real tools: umoci builds a layout (init, new,
 * config, unpack, repack with a file added), skopeo copies it to a second OCI
 * layout and to a Docker schema 2 directory. Every JSON blob and marker file
 * goes through validateDocument without --kind. umoci 0.4 writes manifests and
 * index.json without mediaType and index entries without platform, and an
 * image without layers: the spec's SHOULDs, so exactly those warnings and no
 * error. Everything lives in one temp dir, removed in afterAll.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDocument } from '../../../validators/document.js';
import type { DocumentResult } from '../../../validators/document.js';

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const UMOCI = which('umoci');
const SKOPEO = which('skopeo');
const IS_ROOT = process.getuid?.() === 0;

function runOk(argv: readonly string[], cwd?: string): string {
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${String(r.status)}: ${r.stderr.trim()}`);
  return r.stdout;
}

interface Doc {
  readonly file: string;
  readonly text: string;
  readonly result: DocumentResult;
}

/** "rule pointer (severity)" lines, sorted, errors and warnings only. */
function findings(r: DocumentResult): string[] {
  return r.diagnostics
    .filter((d) => d.severity !== 'info')
    .map((d) => `${d.rule} ${d.pointer} (${d.severity})`)
    .sort();
}

async function validateLayout(dir: string): Promise<Doc[]> {
  const out: Doc[] = [];
  const files = [join(dir, 'oci-layout'), join(dir, 'index.json'), ...readdirSync(join(dir, 'blobs', 'sha256')).map((n) => join(dir, 'blobs', 'sha256', n))];
  for (const file of files) {
    const bytes = readFileSync(file);
    if (bytes[0] !== 0x7b) continue; // layers are gzip; only JSON documents start with '{'
    const text = bytes.toString('utf8');
    out.push({ file, text, result: await validateDocument(file, text) });
  }
  return out;
}

describe.skipIf(!UMOCI || !SKOPEO)('documents made by umoci and skopeo', () => {
  let tmp = '';
  let umociDocs: Doc[] = [];
  let skopeoDocs: Doc[] = [];
  let bundleConfig = '';

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'oci-conform-image-docs-'));
    const layout = join(tmp, 'layout');
    const bundle = join(tmp, 'bundle');
    runOk([UMOCI!, 'init', '--layout', layout]);
    runOk([UMOCI!, 'new', '--image', `${layout}:base`]);
    runOk([
      UMOCI!, 'config', '--image', `${layout}:base`, '--tag', 'configured',
      '--config.env', 'GREETING=hello', '--config.cmd', '/bin/sh', '--config.exposedports', '8080/tcp',
      '--config.label', 'com.example.team=images', '--config.workingdir', '/srv', '--config.user', '1000:1000',
      '--config.volume', '/data', '--author', 'oci-conform tests', '--os', 'linux', '--architecture', 'amd64',
    ]);
    runOk([UMOCI!, 'unpack', ...(IS_ROOT ? [] : ['--rootless']), '--image', `${layout}:configured`, bundle]);
    writeFileSync(join(bundle, 'rootfs', 'hello.txt'), 'hello from a layer\n');
    runOk([UMOCI!, 'repack', '--image', `${layout}:layered`, bundle]);
    bundleConfig = readFileSync(join(bundle, 'config.json'), 'utf8');
    umociDocs = await validateLayout(layout);

    runOk([SKOPEO!, 'copy', '--quiet', `oci:${layout}:layered`, `oci:${join(tmp, 'copy')}:layered`]);
    runOk([SKOPEO!, 'copy', '--quiet', '--format', 'v2s2', `oci:${layout}:layered`, `dir:${join(tmp, 'docker')}`]);
    skopeoDocs = await validateLayout(join(tmp, 'copy'));
  }, 180_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('finds every kind of document in the umoci layout', () => {
    const kinds = umociDocs.map((d) => d.result.kind).sort();
    // three images (base, configured, layered): three manifests, three configs, one index, the marker
    expect(kinds).toEqual(['image-config', 'image-config', 'image-config', 'index', 'manifest', 'manifest', 'manifest', 'oci-layout']);
  });

  it('validates every umoci document with no error, only the SHOULD warnings umoci 0.4 earns', () => {
    for (const d of umociDocs) {
      const got = findings(d.result);
      expect(got.filter((f) => f.endsWith('(error)')), d.file).toEqual([]);
      const doc = JSON.parse(d.text) as { layers?: unknown[]; manifests?: unknown[] };
      if (d.result.kind === 'manifest') {
        const expected = ['manifest.media-type  (warning)'];
        if (doc.layers?.length === 0) expected.push('manifest.layers /layers (warning)');
        expect(got, d.file).toEqual(expected.sort());
      } else if (d.result.kind === 'index') {
        expect(got, d.file).toEqual(['descriptor.manifest-platform /manifests/0 (warning)', 'descriptor.manifest-platform /manifests/1 (warning)', 'descriptor.manifest-platform /manifests/2 (warning)', 'index.media-type  (warning)']);
      } else {
        expect(got, d.file).toEqual([]);
      }
    }
  });

  it('checks the layered config: one DiffID, history entries consistent with it', () => {
    const layered = umociDocs.filter((d) => d.result.kind === 'image-config').map((d) => JSON.parse(d.text) as { rootfs: { diff_ids: string[] }; history?: Array<{ empty_layer?: boolean }> });
    const withLayer = layered.find((c) => c.rootfs.diff_ids.length === 1);
    expect(withLayer).toBeDefined();
    expect(withLayer!.history!.filter((h) => h.empty_layer !== true)).toHaveLength(1);
  });

  it('reports a corrupted real manifest: upper-case digest, wrong mediaType, null annotations', async () => {
    const m = umociDocs.find((d) => d.result.kind === 'manifest' && (JSON.parse(d.text) as { layers: unknown[] }).layers.length === 1)!;
    const doc = JSON.parse(m.text) as { mediaType?: string; config: { digest: string }; annotations?: null };
    doc.config.digest = doc.config.digest.toUpperCase().replace('SHA256', 'sha256');
    doc.mediaType = 'application/vnd.oci.image.index.v1+json';
    doc.annotations = null;
    const r = await validateDocument('corrupted.json', JSON.stringify(doc));
    expect(r.kind).toBe('manifest');
    expect(findings(r)).toEqual(['annotations.null /annotations (error)', 'descriptor.digest /config/digest (error)', 'manifest.media-type /mediaType (error)']);
    expect(r.diagnostics.find((d) => d.rule === 'descriptor.digest')?.requirement).toBe('IMG-DESC-SHA256-NO-UPPER');
  });

  it('validates the layout skopeo copied the same way', () => {
    expect(skopeoDocs.map((d) => d.result.kind).sort()).toEqual(['image-config', 'index', 'manifest', 'oci-layout']);
    for (const d of skopeoDocs) expect(findings(d.result).filter((f) => f.endsWith('(error)')), d.file).toEqual([]);
  });

  it("reports skopeo's Docker schema 2 manifest as not OCI, once", async () => {
    const text = readFileSync(join(tmp, 'docker', 'manifest.json'), 'utf8');
    const r = await validateDocument('manifest.json', text);
    expect(r.kind).toBe('manifest');
    expect(findings(r)).toEqual(['image.docker-format /mediaType (error)']);
  });

  it('tells the runtime config of the unpacked bundle from image documents', async () => {
    const r = await validateDocument('config.json', bundleConfig);
    expect(r.kind).toBe('config');
    for (const d of [...umociDocs, ...skopeoDocs]) expect(['manifest', 'index', 'image-config', 'oci-layout'], d.file).toContain(d.result.kind);
  });
});
