/**
 * Configs written by real tools, generated here at test time: `runc spec`,
 * `crun spec`, `ctr oci spec` (containerd, no daemon), and the bundle configs
 * of `podman init` and `buildah run`. podman and buildah are pointed at a
 * stand-in runtime (a shell script) that copies the bundle's config.json and
 * fails, so no container process ever runs; their storage lives in our temp
 * dir (vfs driver) and is removed in afterAll.
 *
 * Most of these declare ociVersion 1.0.2-dev: each must validate as 1.0.2-dev
 * (1.0.2 plus what landed under it, spec/dev-windows.ts) with no finding that
 * came from reading it as 1.0.1 (json.newer-field, linux.newer-enum-value),
 * and every warning left must be one the spec text backs (listed below).
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, rmdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDocument } from '../../validators/document.js';
import type { Diagnostic } from '../../validators/diagnostic.js';
import { IS_ROOT, run, runOk, which } from './tools.js';

const BUSYBOX = '/usr/bin/busybox';

/** Rules whose findings would come from reading X.Y.Z-dev as the release before X.Y.Z. */
const DEV_MISREADING = new Set(['json.newer-field', 'linux.newer-enum-value']);

/**
 * Warnings these tools' documents may keep, each backed by the spec text:
 * - config.root.path-conventional: config.md says root.path SHOULD be the
 *   conventional `rootfs`; podman and buildah point at their storage.
 * - config.annotations.oci-reserved: podman copies the image's
 *   org.opencontainers.image.stopSignal into the config (config.md reserves the
 *   org.opencontainers namespace; how the image spec's conversion keys weigh
 *   on that is issue 8's annotation item, handled apart).
 */
const BACKED_WARNINGS = new Set(['config.root.path-conventional', 'config.annotations.oci-reserved']);

const summary = (ds: readonly Diagnostic[], severity: Diagnostic['severity']): string[] =>
  ds.filter((d) => d.severity === severity).map((d) => `${d.rule} ${d.pointer}`);

interface Generated {
  readonly text: string;
  readonly declared: string;
}

let base = '';
const docs = new Map<string, Generated>();

/** A stand-in runtime: copies `<bundle>/config.json` to `out` and fails, so nothing runs. */
function grabber(out: string): string {
  const script = join(base, `grab-${docs.size}.sh`);
  writeFileSync(
    script,
    [
      '#!/bin/sh',
      'prev=""',
      'for a in "$@"; do',
      `  if [ "$prev" = --bundle ] || [ "$prev" = -b ]; then cp "$a/config.json" '${out}'; fi`,
      '  prev="$a"',
      'done',
      'exit 1',
      '',
    ].join('\n'),
  );
  chmodSync(script, 0o755);
  return script;
}

function keep(name: string, file: string): void {
  const text = readFileSync(file, 'utf8');
  docs.set(name, { text, declared: (JSON.parse(text) as { ociVersion: string }).ociVersion });
}

const RUNC = which('runc');
const CRUN = which('crun');
const CTR = which('ctr');
const PODMAN = which('podman');
const BUILDAH = which('buildah');

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'oci-conform-real-tools-dev-'));
});

afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

async function check(name: string): Promise<Diagnostic[]> {
  const g = docs.get(name);
  expect(g, `${name} produced no config`).toBeDefined();
  const r = await validateDocument(`${name}/config.json`, g!.text);
  expect(r.kind).toBe('config');
  return [...r.diagnostics];
}

describe.each([
  ['runc spec', RUNC, '1.0.2-dev'],
  ['crun spec', CRUN, '1.0.0'],
] as const)('%s', (title, bin, version) => {
  it.skipIf(!bin)(`validates as ${version} with no error and no warning${bin ? '' : ' (skipped: not installed)'}`, async () => {
    const dir = join(base, title.replace(' ', '-'));
    mkdirSync(dir, { recursive: true });
    runOk([bin!, 'spec'], dir);
    keep(title, join(dir, 'config.json'));
    expect(docs.get(title)!.declared).toBe(version);
    const r = await validateDocument('config.json', docs.get(title)!.text);
    expect(r.version).toBe(version);
    expect(summary(r.diagnostics, 'error')).toEqual([]);
    expect(summary(r.diagnostics, 'warning')).toEqual([]);
  });
});

describe.skipIf(!CTR)(`ctr oci spec${CTR ? '' : ' (skipped: containerd ctr is not installed)'}`, () => {
  it('validates as 1.0.2-dev; its one error is the missing args the spec requires on Linux', async () => {
    const file = join(base, 'ctr.json');
    writeFileSync(file, runOk([CTR!, 'oci', 'spec']));
    keep('ctr', file);
    expect(docs.get('ctr')!.declared).toBe('1.0.2-dev');
    const ds = await check('ctr');
    // ctr prints containerd's default spec, to which containerd adds the image's command; as a bundle
    // config it has a process without args, and config.md (1.0.2 on) requires at least one entry off Windows.
    expect(summary(ds, 'error')).toEqual(['config.process.args /process/args']);
    expect(summary(ds, 'warning')).toEqual([]);
  });
});

describe.skipIf(!PODMAN || !IS_ROOT || !existsSync(BUSYBOX))(
  `podman init's bundle config${PODMAN && IS_ROOT ? '' : ' (skipped: needs podman and root)'}`,
  () => {
    let podman: string[] = [];
    const name = `oci-conform-i8-${process.pid}`;
    // podman (cgroupfs manager) puts conmon in <cgroup parent>/conmon in every hierarchy: a parent of ours, removed after.
    const cgroupParent = `oci-conform-podman-${process.pid}`;

    beforeAll(() => {
      const rootfs = join(base, 'podman-rootfs');
      mkdirSync(join(rootfs, 'bin'), { recursive: true });
      copyFileSync(BUSYBOX, join(rootfs, 'bin', 'busybox'));
      symlinkSync('busybox', join(rootfs, 'bin', 'sh'));
      const out = join(base, 'podman-config.json');
      podman = [
        PODMAN!,
        ...['--root', join(base, 'podman-storage'), '--runroot', join(base, 'podman-run'), '--tmpdir', join(base, 'podman-tmp')],
        ...['--storage-driver', 'vfs', '--cgroup-manager', 'cgroupfs', '--events-backend', 'none', '--runtime', grabber(out)],
      ];
      runOk([...podman, 'create', '--network', 'none', '--cgroup-parent', `/${cgroupParent}`, '--name', name, '--rootfs', rootfs, '/bin/sh', '-c', 'true']);
      // init hands the bundle to the stand-in runtime, which keeps its config and fails: podman says so, exit 125
      run([...podman, 'init', name]);
      keep('podman', out);
    });

    afterAll(() => {
      if (podman.length > 0) run([...podman, 'rm', '--force', name]);
      removeCgroupTree(cgroupParent);
    });

    it('validates as 1.0.2-dev with no error and no warning from the -dev reading', async () => {
      expect(docs.get('podman')!.declared).toBe('1.0.2-dev');
      const ds = await check('podman');
      expect(summary(ds, 'error')).toEqual([]);
      expect(ds.filter((d) => DEV_MISREADING.has(d.rule))).toEqual([]);
      expect(ds.filter((d) => d.severity === 'warning' && !BACKED_WARNINGS.has(d.rule)).map((d) => d.rule)).toEqual([]);
      // what the 1.0.1 reading used to warn about is really there, so the check is live
      const config = JSON.parse(docs.get('podman')!.text) as { process: { user: { umask?: number } }; linux: { seccomp?: { syscalls: { errnoRet?: number }[] } } };
      expect(typeof config.process.user.umask).toBe('number');
      expect(config.linux.seccomp?.syscalls.some((s) => typeof s.errnoRet === 'number')).toBe(true);
    });

    it('types what landed under 1.0.2-dev: a string umask or errnoRet is an error', async () => {
      const config = JSON.parse(docs.get('podman')!.text) as { process: { user: { umask?: unknown } }; linux: { seccomp: { syscalls: { errnoRet?: unknown }[] } } };
      config.process.user.umask = '0022';
      const i = config.linux.seccomp.syscalls.findIndex((s) => s.errnoRet !== undefined);
      config.linux.seccomp.syscalls[i]!.errnoRet = '1';
      const r = await validateDocument('podman-broken.json', JSON.stringify(config));
      expect(summary(r.diagnostics, 'error').sort()).toEqual(['schema.type /process/user/umask', `schema.type /linux/seccomp/syscalls/${i}/errnoRet`].sort());
    });
  },
);

describe.skipIf(!BUILDAH || !IS_ROOT)(`buildah run's bundle config${BUILDAH && IS_ROOT ? '' : ' (skipped: needs buildah and root)'}`, () => {
  let buildah: string[] = [];
  let container = '';

  beforeAll(() => {
    const out = join(base, 'buildah-config.json');
    buildah = [BUILDAH!, '--root', join(base, 'buildah-storage'), '--runroot', join(base, 'buildah-run'), '--storage-driver', 'vfs'];
    container = runOk([...buildah, 'from', 'scratch']).trim();
    // the stand-in runtime keeps the config and fails, so buildah run exits non-zero
    run([...buildah, 'run', '--runtime', grabber(out), container, '/bin/true']);
    keep('buildah', out);
  });

  afterAll(() => {
    if (container) run([...buildah, 'rm', container]);
  });

  it('validates as 1.0.2-dev with no error and no warning from the -dev reading', async () => {
    expect(docs.get('buildah')!.declared).toBe('1.0.2-dev');
    const ds = await check('buildah');
    expect(summary(ds, 'error')).toEqual([]);
    expect(ds.filter((d) => DEV_MISREADING.has(d.rule))).toEqual([]);
    expect(ds.filter((d) => d.severity === 'warning' && !BACKED_WARNINGS.has(d.rule)).map((d) => d.rule)).toEqual([]);
  });
});

/** Removes a cgroup this test had a tool create, in every mounted hierarchy, children first (only empty ones can go). */
function removeCgroupTree(name: string): void {
  const roots = ['/sys/fs/cgroup', ...readdirSync('/sys/fs/cgroup').map((h) => join('/sys/fs/cgroup', h))];
  const remove = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) remove(join(dir, e.name));
    rmdirSync(dir);
  };
  for (const root of roots) {
    const dir = join(root, name);
    if (existsSync(dir)) remove(dir);
  }
}
