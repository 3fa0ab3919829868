/**
 * Layouts made by tools nobody here wrote (umoci, skopeo) validate clean as a
 * directory, a tar (oci-archive) and a gzip tar; then the same real layout,
 * damaged one way at a time, is rejected through the CLI with the exact rule.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { writeTar } from '../corpus/image/layouts/tar-writer.js';

const TOOLS = ['umoci', 'skopeo'].filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
const BUSYBOX = '/usr/bin/busybox';
const missing = [...TOOLS, ...(existsSync(BUSYBOX) ? [] : [BUSYBOX])];

let work: string;
let L: string;

function run(cmd: string, args: readonly string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
}

interface Report {
  readonly summary: { readonly errors: number; readonly warnings: number };
  readonly documents: ReadonlyArray<{ readonly file: string; readonly kind: string | null; readonly diagnostics: ReadonlyArray<{ rule: string; severity: string; pointer: string; line: number }> }>;
}

function validate(args: readonly string[]): { code: number | null; report: Report; stderr: string } {
  const r = runCli('oci-validate', ['--format', 'json', ...args]);
  return { code: r.code, report: (r.stdout ? JSON.parse(r.stdout) : { summary: { errors: 0, warnings: 0 }, documents: [] }) as Report, stderr: r.stderr };
}

function findings(rep: Report, severity = 'error'): string[] {
  return rep.documents.flatMap((d) => d.diagnostics.filter((x) => x.severity === severity).map((x) => `${x.rule} ${x.pointer}`)).sort();
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const blobPath = (dir: string, digest: string): string => join(dir, 'blobs', ...digest.split(':'));
const readJson = (p: string): Record<string, unknown> => JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
type Desc = { digest: string; size: number; mediaType: string };

/** A copy of the real layout to damage. */
function copyOfL(name: string): string {
  const d = join(work, name);
  cpSync(L, d, { recursive: true });
  return d;
}

function manifestOf(dir: string): { index: Record<string, unknown>; manifestDesc: Desc; manifest: { config: Desc; layers: Desc[] } } {
  const index = readJson(join(dir, 'index.json'));
  const manifestDesc = (index.manifests as Desc[])[0]!;
  return { index, manifestDesc, manifest: readJson(blobPath(dir, manifestDesc.digest)) as unknown as { config: Desc; layers: Desc[] } };
}

/** Writes a JSON blob and returns its descriptor fields. */
function putJson(dir: string, doc: unknown): { digest: string; size: number } {
  const b = Buffer.from(JSON.stringify(doc));
  const digest = `sha256:${sha(b)}`;
  writeFileSync(blobPath(dir, digest), b);
  return { digest, size: b.length };
}

/** Replaces the real image's only layer with `tar` (gzip), with every digest up the chain redone. */
function withLayer(name: string, tar: Buffer): string {
  const dir = copyOfL(name);
  const { index, manifestDesc, manifest } = manifestOf(dir);
  const gz = gzipSync(tar);
  const layerDigest = `sha256:${sha(gz)}`;
  writeFileSync(blobPath(dir, layerDigest), gz);
  const config = readJson(blobPath(dir, manifest.config.digest));
  (config.rootfs as { diff_ids: string[] }).diff_ids = [`sha256:${sha(tar)}`];
  const c = putJson(dir, config);
  const m = putJson(dir, { ...manifest, config: { ...manifest.config, ...c }, layers: [{ ...manifest.layers[0]!, digest: layerDigest, size: gz.length }] });
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ ...index, manifests: [{ ...manifestDesc, ...m }] }));
  return dir;
}

beforeAll(() => {
  if (missing.length > 0) return;
  work = mkdtempSync(join(tmpdir(), 'oci-image-real-'));
  L = join(work, 'L');
  const B = join(work, 'B');
  run('umoci', ['init', '--layout', L]);
  run('umoci', ['new', '--image', `${L}:latest`]);
  run('umoci', ['unpack', ...(process.getuid?.() === 0 ? [] : ['--rootless']), '--image', `${L}:latest`, B]);
  cpSync(BUSYBOX, join(B, 'rootfs', 'busybox'));
  run('umoci', ['repack', ...(process.getuid?.() === 0 ? [] : ['--rootless']), '--image', `${L}:latest`, B]);
  run('skopeo', ['copy', '-q', `oci:${L}:latest`, `oci:${join(work, 'L2')}:latest`]);
  run('skopeo', ['copy', '-q', `oci:${L}:latest`, `oci-archive:${join(work, 'x.tar')}:latest`]);
  writeFileSync(join(work, 'x.tar.gz'), gzipSync(readFileSync(join(work, 'x.tar'))));
  run('skopeo', ['copy', '-q', `oci:${L}:latest`, `docker-archive:${join(work, 'd.tar')}:img:latest`]);
  // three layers: busybox; then a file removed (whiteout), a hard link and a directory added; then that directory removed
  const M = join(work, 'M');
  const rootless = process.getuid?.() === 0 ? [] : ['--rootless'];
  cpSync(L, M, { recursive: true });
  const step = (name: string, change: (rootfs: string) => void): void => {
    const b = join(work, name);
    run('umoci', ['unpack', ...rootless, '--image', `${M}:latest`, b]);
    change(join(b, 'rootfs'));
    run('umoci', ['repack', ...rootless, '--image', `${M}:latest`, b]);
    rmSync(b, { recursive: true, force: true });
  };
  step('M1', (r) => {
    rmSync(join(r, 'busybox'));
    mkdirSync(join(r, 'etc', 'sub'), { recursive: true });
    writeFileSync(join(r, 'etc', 'sub', 'f'), 'hi\n');
    linkSync(join(r, 'etc', 'sub', 'f'), join(r, 'etc', 'hl'));
  });
  step('M2', (r) => {
    rmSync(join(r, 'etc', 'sub'), { recursive: true });
    mkdirSync(join(r, 'etc', 'sub2'));
  });
  run('skopeo', ['copy', '-q', `oci:${M}:latest`, `oci-archive:${join(work, 'm.tar')}:latest`]);
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(missing.length > 0)(`real layouts (needs ${['umoci', 'skopeo', BUSYBOX].join(', ')})`, () => {
  it.each(['L', 'L2', 'x.tar', 'x.tar.gz', 'M', 'm.tar'])('%s made by umoci/skopeo validates with zero errors', (name) => {
    const { code, report } = validate([join(work, name)]);
    expect(report.summary).toMatchObject({ errors: 0 });
    expect(code).toBe(0);
    // umoci leaves out SHOULD-level fields (mediaType, platform): document warnings; nothing from the layout walker
    expect(findings(report, 'warning').filter((w) => w.startsWith('layout.'))).toEqual([]);
    // the layer, the manifest, the config, index.json, oci-layout and the layout itself were all looked at
    expect(report.documents.length).toBeGreaterThanOrEqual(6);
  });

  it('M has three layers with whiteouts and a hard link, all inspected', () => {
    const { report } = validate([join(work, 'M')]);
    const layers = report.documents.filter((d) => d.file.includes('/blobs/') && d.kind === 'layer');
    expect(layers).toHaveLength(3);
  });

  it('verified the busybox layer: its diff_id is checked against the decompressed tar', () => {
    const dir = copyOfL('diffid');
    const { manifest } = manifestOf(dir);
    const cfgPath = blobPath(dir, manifest.config.digest);
    const text = readFileSync(cfgPath, 'utf8');
    const diff = (JSON.parse(text) as { rootfs: { diff_ids: string[] } }).rootfs.diff_ids[0]!;
    // keep the config's own digest name and size, change only the diff_id: digest mismatch plus diff_id mismatch
    writeFileSync(cfgPath, text.replace(diff, `sha256:${'0'.repeat(64)}`));
    const { code, report } = validate([dir]);
    expect(code).toBe(1);
    expect(findings(report)).toEqual(['layout.blob.digest-mismatch /config/digest', 'layout.config.diff-id-mismatch /rootfs/diff_ids/0']);
  });

  it('wrong digest: config bytes changed', () => {
    const dir = copyOfL('digest');
    const { manifest } = manifestOf(dir);
    const p = blobPath(dir, manifest.config.digest);
    writeFileSync(p, readFileSync(p, 'utf8').replace('"os":"linux"', '"os":"LINUX"'));
    const { code, report } = validate([dir]);
    expect(code).toBe(1);
    expect(findings(report)).toContain('layout.blob.digest-mismatch /config/digest');
  });

  it('wrong size in a descriptor, with the line of the size in index.json', () => {
    const dir = copyOfL('size');
    const { index, manifestDesc } = manifestOf(dir);
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ ...index, manifests: [{ ...manifestDesc, size: manifestDesc.size + 1 }] }, null, 2));
    const { code, report } = validate([dir]);
    expect(code).toBe(1);
    expect(findings(report)).toEqual(['layout.blob.size-mismatch /manifests/0/size']);
    const d = report.documents.flatMap((x) => x.diagnostics).find((x) => x.rule === 'layout.blob.size-mismatch')!;
    const lines = readFileSync(join(dir, 'index.json'), 'utf8').split('\n');
    expect(lines[d.line - 1]).toMatch(/"size":/);
  });

  it('missing blob: a warning (exit 0), an error with --complete (exit 1)', () => {
    const dir = copyOfL('missing');
    const { manifest } = manifestOf(dir);
    unlinkSync(blobPath(dir, manifest.layers[0]!.digest));
    const soft = validate([dir]);
    expect(soft.code).toBe(0);
    expect(findings(soft.report, 'warning').filter((w) => w.startsWith('layout.'))).toEqual(['layout.blob.missing /layers/0/digest']);
    const hard = validate(['--complete', dir]);
    expect(hard.code).toBe(1);
    expect(findings(hard.report)).toEqual(['layout.blob.missing /layers/0/digest']);
  });

  it('bad index.json: a syntax error', () => {
    const dir = copyOfL('syntax');
    writeFileSync(join(dir, 'index.json'), readFileSync(join(dir, 'index.json'), 'utf8').replace('{', '{,'));
    const { code, report } = validate([dir]);
    expect(code).toBe(1);
    expect(findings(report)).toEqual(['json.syntax ']);
  });

  it('bad index.json: the media type of a manifest, not an index', () => {
    const dir = copyOfL('index-mt');
    const { index } = manifestOf(dir);
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ ...index, mediaType: 'application/vnd.oci.image.manifest.v1+json' }));
    const { code, report } = validate([dir]);
    expect(code).toBe(1);
    expect(findings(report)).toEqual(['index.media-type /mediaType']);
  });

  it('bad mediaType: the layer declared as an uncompressed tar though it is gzip', () => {
    const dir = copyOfL('layer-mt');
    const { index, manifestDesc, manifest } = manifestOf(dir);
    const m = putJson(dir, { ...manifest, layers: [{ ...manifest.layers[0]!, mediaType: 'application/vnd.oci.image.layer.v1.tar' }] });
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ ...index, manifests: [{ ...manifestDesc, ...m }] }));
    const { code, report } = validate([dir]);
    expect(code).toBe(1);
    expect(findings(report)).toEqual(['layout.layer.compression-mismatch /layers/0/mediaType']);
  });

  it("a '../' path and an absolute path in a layer", () => {
    const dir = withLayer('paths', writeTar([{ name: 'etc/', type: '5' }, { name: 'etc/../../evil', data: 'x' }, { name: '/abs', data: 'y' }]));
    const { code, report } = validate([dir]);
    expect(code).toBe(1);
    expect(findings(report)).toEqual(['layout.layer.absolute-path ', 'layout.layer.dotdot-path ']);
  });

  it('a gzip bomb: stopped at the limit with its own rule, not an out-of-memory', () => {
    const dir = withLayer('bomb', Buffer.alloc(64 * 1024 * 1024));
    const { code, report } = validate(['--max-decompressed-bytes', String(8 * 1024 * 1024), dir]);
    expect(code).toBe(1);
    expect(findings(report)).toEqual(['layout.layer.decompression-limit ']);
  });

  it('a symlinked blob is refused, not followed', () => {
    const dir = copyOfL('symlink');
    const { manifest } = manifestOf(dir);
    const p = blobPath(dir, manifest.config.digest);
    const outside = join(work, 'outside-config');
    renameSync(p, outside);
    symlinkSync(outside, p);
    const { code, report } = validate([dir]);
    expect(code).toBe(1);
    expect(findings(report)).toEqual(['layout.symlink /config/digest']);
  });

  it('a docker-archive is named as such: one line, exit 2', () => {
    const r = runCli('oci-validate', [join(work, 'd.tar')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/is a docker-archive .*not an OCI image layout/);
  });
});
