/**
 * Layouts and bundles written by real tools (Debian's umoci, skopeo, buildah,
 * podman), made at test time from local files only (busybox, no network):
 * every document validates with zero errors at the version it declares, and
 * every warning left is one a SHOULD of the spec text backs (listed below
 * with its sentence). Each tool gets private storage in one temp dir
 * (--root/--runroot/--tmpdir, the vfs driver), removed in afterAll, also when
 * a step failed. A tool that is missing or can't run here skips its block
 * with the reason.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const BUSYBOX = '/usr/bin/busybox';
const IS_ROOT = process.getuid?.() === 0;

/**
 * Warnings the spec text backs, by rule id: the SHOULD each one reports.
 * Real tools leave these out; they are true findings, not false ones.
 */
const BACKED_WARNINGS: Readonly<Record<string, string>> = {
  // image-index.md: mediaType "SHOULD be used" (skopeo, buildah, podman and umoci write index.json without it)
  'index.media-type': 'IMG-INDEX-MEDIATYPE-SHOULD',
  // manifest.md: mediaType "SHOULD be used" (podman's and buildah's manifests of a `podman import`)
  'manifest.media-type': 'IMG-MANIFEST-MEDIATYPE-SHOULD',
  // descriptor.md: descriptors of image manifests SHOULD include platform (index.json of every tool here)
  'descriptor.manifest-platform': 'IMG-DESC-MANIFEST-PLATFORM',
  // manifest.md (1.1.0+): "For portability, layers SHOULD have at least one entry" (umoci new: an empty image)
  'manifest.layers': 'IMG-MANIFEST-LAYERS-AT-LEAST-ONE',
};

interface Diag {
  readonly rule: string;
  readonly severity: string;
  readonly pointer: string;
  readonly level: string;
  readonly requirement?: string;
}
interface Report {
  readonly summary: { readonly errors: number; readonly warnings: number };
  readonly documents: ReadonlyArray<{ readonly file: string; readonly kind: string | null; readonly specVersion: string | null; readonly diagnostics: readonly Diag[] }>;
}

function which(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/**
 * Whether a storage tool can run here at all: `images` on a private, empty
 * store. Undefined when it can; else the reason, for the skip.
 */
function cannotRun(cmd: string, storageArgs: (dir: string) => string[]): string | undefined {
  if (!which(cmd)) return `${cmd} is not installed`;
  const dir = mkdtempSync(join(tmpdir(), 'oci-rt-probe-'));
  try {
    const r = spawnSync(cmd, [...storageArgs(dir), 'images'], { encoding: 'utf8', timeout: 60_000 });
    if (r.error) return `${cmd} can't run here: ${r.error.message}`;
    return r.status === 0 ? undefined : `${cmd} can't run here: ${r.stderr.trim().split('\n').pop() ?? ''}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const buildahStorage = (dir: string): string[] => ['--root', join(dir, 'buildah-root'), '--runroot', join(dir, 'buildah-runroot'), '--storage-driver', 'vfs'];
/** podman refuses a runroot path longer than 50 characters: short names. */
const podmanStorage = (dir: string): string[] => [
  '--root', join(dir, 'pr'), '--runroot', join(dir, 'prr'), '--tmpdir', join(dir, 'pt'),
  '--storage-driver', 'vfs', '--cgroup-manager', 'cgroupfs', '--events-backend', 'none',
];

let work = '';

/** Runs a tool to completion with its temp files in our dir; throws with its stderr on failure. */
function run(cmd: string, args: readonly string[], cwd?: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 300_000, env: { ...process.env, TMPDIR: join(work, 'tmp') } });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${String(r.status)}: ${r.stderr.trim()}`);
  return r.stdout;
}

function validate(path: string): { code: number | null; report: Report } {
  const r = runCli('oci-validate', ['--format', 'json', path]);
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
}

const all = (rep: Report): Diag[] => rep.documents.flatMap((d) => d.diagnostics);

/** Zero errors; every warning one of BACKED_WARNINGS, citing its SHOULD. */
function expectCleanAtDeclaredVersion(path: string): Report {
  const { code, report } = validate(path);
  expect(all(report).filter((d) => d.severity === 'error').map((d) => `${d.rule} ${d.pointer}`)).toEqual([]);
  expect(code).toBe(0);
  for (const w of all(report).filter((d) => d.severity === 'warning')) {
    expect(Object.keys(BACKED_WARNINGS), `${w.rule} ${w.pointer}`).toContain(w.rule);
    expect(w.requirement).toBe(BACKED_WARNINGS[w.rule]);
    expect(w.level).toBe('SHOULD');
  }
  return report;
}

/** The annotations of the first manifest of a layout directory. */
function manifestAnnotations(dir: string): Record<string, string> {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { manifests: Array<{ digest: string }> };
  const m = JSON.parse(readFileSync(join(dir, 'blobs', ...index.manifests[0]!.digest.split(':')), 'utf8')) as { annotations?: Record<string, string> };
  return m.annotations ?? {};
}

/** A directory tree with busybox, and a tarball of it, for tools that import files. */
function busyboxTree(): { dir: string; tar: string } {
  const dir = join(work, 'ctx');
  mkdirSync(join(dir, 'bin'), { recursive: true });
  cpSync(BUSYBOX, join(dir, 'bin', 'busybox'));
  const tar = join(work, 'busybox.tar');
  run('tar', ['-C', dir, '-cf', tar, '.']);
  return { dir, tar };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'oci-rt-'));
  mkdirSync(join(work, 'tmp'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const UMOCI = which('umoci') && which('skopeo') && existsSync(BUSYBOX);
describe.skipIf(!UMOCI)(`umoci and skopeo${UMOCI ? '' : ' (skipped: needs umoci, skopeo and /usr/bin/busybox)'}`, () => {
  let L = '';
  beforeAll(() => {
    L = join(work, 'umoci');
    const rootless = IS_ROOT ? [] : ['--rootless'];
    run('umoci', ['init', '--layout', L]);
    run('umoci', ['new', '--image', `${L}:latest`]);
    // what an image build records: the conversion.md fields and annotations.md labels
    run('umoci', [
      'config', '--image', `${L}:latest`, '--config.cmd', '/bin/busybox', '--config.exposedports', '8080/tcp', '--config.stopsignal', 'SIGTERM',
      '--config.label', 'org.opencontainers.image.title=probe', '--config.label', 'org.opencontainers.image.source=https://example.com/probe',
      '--author', 'probe <probe@example.com>',
    ]);
    const B = join(work, 'umoci-bundle');
    run('umoci', ['unpack', ...rootless, '--image', `${L}:latest`, B]);
    cpSync(BUSYBOX, join(B, 'rootfs', 'busybox'));
    run('umoci', ['repack', ...rootless, '--image', `${L}:latest`, B]);
    rmSync(B, { recursive: true, force: true });
    run('umoci', ['unpack', ...rootless, '--image', `${L}:latest`, join(work, 'umoci-unpacked')]);
    // skopeo from the layout, and through a dir: copy, to a layout and an oci-archive
    run('skopeo', ['copy', '-q', `oci:${L}:latest`, `dir:${join(work, 'skopeo-dir')}`]);
    run('skopeo', ['copy', '-q', `dir:${join(work, 'skopeo-dir')}`, `oci:${join(work, 'skopeo-layout')}:latest`]);
    run('skopeo', ['copy', '-q', `oci:${L}:latest`, `oci-archive:${join(work, 'skopeo.tar')}:latest`]);
  });

  it.each(['umoci', 'skopeo-layout', 'skopeo.tar'])('%s: zero errors, only backed warnings', (name) => {
    const report = expectCleanAtDeclaredVersion(join(work, name));
    expect(report.documents.map((d) => d.kind)).toEqual(expect.arrayContaining(['image-layout', 'index', 'manifest', 'image-config', 'layer']));
  });

  it('the config.json umoci unpack writes from the image (conversion.md) validates at its ociVersion, the converted annotations as infos', () => {
    const bundle = join(work, 'umoci-unpacked');
    const config = JSON.parse(readFileSync(join(bundle, 'config.json'), 'utf8')) as { ociVersion: string; annotations: Record<string, string> };
    const report = expectCleanAtDeclaredVersion(bundle);
    const doc = report.documents.find((d) => d.kind === 'config')!;
    expect(doc.specVersion).toBe(config.ociVersion);
    // exposedPorts, title and source: keys the image spec's conversion sets and runtime-spec's table does not list
    expect(Object.keys(config.annotations)).toEqual(expect.arrayContaining(['org.opencontainers.image.exposedPorts', 'org.opencontainers.image.title', 'org.opencontainers.image.source']));
    const reserved = doc.diagnostics.filter((d) => d.rule === 'config.annotations.oci-reserved');
    expect(reserved.map((d) => d.pointer)).toEqual(expect.arrayContaining(['/annotations/org.opencontainers.image.exposedPorts', '/annotations/org.opencontainers.image.title']));
    expect(reserved.map((d) => d.severity)).toEqual(reserved.map(() => 'info'));
    expect(reserved.every((d) => d.requirement !== undefined)).toBe(true);
  });
});

const NO_BUILDAH = !which('skopeo') ? 'skopeo is not installed' : !existsSync(BUSYBOX) ? `no ${BUSYBOX}` : cannotRun('buildah', buildahStorage);
describe.skipIf(NO_BUILDAH !== undefined)(`buildah from scratch${NO_BUILDAH ? ` (skipped: ${NO_BUILDAH})` : ''}`, () => {
  const storage = (): string[] => buildahStorage(work);
  beforeAll(() => {
    const { dir } = busyboxTree();
    run('buildah', [...storage(), 'from', '--name', 'oci-conform-probe', 'scratch']);
    run('buildah', [...storage(), 'copy', 'oci-conform-probe', join(dir, 'bin'), '/bin']);
    run('buildah', [...storage(), 'config', '--cmd', '/bin/busybox', '--port', '8080', '--label', 'org.opencontainers.image.title=probe', 'oci-conform-probe']);
    run('buildah', [...storage(), 'commit', '-q', 'oci-conform-probe', `oci:${join(work, 'buildah')}:latest`]);
    run('buildah', [...storage(), 'commit', '-q', 'oci-conform-probe', `oci-archive:${join(work, 'buildah.tar')}:latest`]);
    run('skopeo', ['copy', '-q', `oci:${join(work, 'buildah')}:latest`, `oci-archive:${join(work, 'buildah-skopeo.tar')}:latest`]);
    run('buildah', [...storage(), 'rm', '--all']);
  });

  it('writes base.digest and base.name as empty strings, which annotations.md allows', () => {
    const a = manifestAnnotations(join(work, 'buildah'));
    expect(a['org.opencontainers.image.base.digest']).toBe('');
    expect(a['org.opencontainers.image.base.name']).toBe('');
  });

  it.each(['buildah', 'buildah.tar', 'buildah-skopeo.tar'])('%s: zero errors, only backed warnings, nothing about the empty base annotations', (name) => {
    const report = expectCleanAtDeclaredVersion(join(work, name));
    expect(all(report).filter((d) => d.rule.startsWith('annotations.'))).toEqual([]);
  });
});

const NO_PODMAN = !existsSync(BUSYBOX) ? `no ${BUSYBOX}` : cannotRun('podman', podmanStorage);
describe.skipIf(NO_PODMAN !== undefined)(`podman import and save${NO_PODMAN ? ` (skipped: ${NO_PODMAN})` : ''}`, () => {
  const storage = (): string[] => podmanStorage(work);
  beforeAll(() => {
    const { tar } = existsSync(join(work, 'busybox.tar')) ? { tar: join(work, 'busybox.tar') } : busyboxTree();
    run('podman', [...storage(), 'import', '--change', 'CMD=/bin/busybox', '--change', 'EXPOSE=8080', '--change', 'LABEL=org.opencontainers.image.title=probe', tar, 'localhost/oci-conform-probe:1']);
    run('podman', [...storage(), 'save', '--format', 'oci-archive', '-o', join(work, 'podman.tar'), 'localhost/oci-conform-probe:1']);
    run('podman', [...storage(), 'save', '--format', 'oci-dir', '-o', join(work, 'podman-dir'), 'localhost/oci-conform-probe:1']);
  });

  it.each(['podman.tar', 'podman-dir'])('%s: zero errors, only backed warnings', (name) => {
    const report = expectCleanAtDeclaredVersion(join(work, name));
    expect(report.documents.map((d) => d.kind)).toEqual(expect.arrayContaining(['index', 'manifest', 'image-config', 'layer']));
  });
});
