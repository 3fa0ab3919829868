/**
 * config.root.path-exists on real bundles: directories, files and symlinks made
 * in a temp dir, validated through the same path the CLI takes (a directory
 * argument is a bundle).
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePath } from '../../../../validators/inputs.js';
import { checkInBundle } from '../../../../validators/rules/config/root-path-exists.rule.js';

let top: string;
let n = 0;

beforeAll(() => {
  top = realpathSync(mkdtempSync(join(tmpdir(), 'oci-conform-rootfs-')));
});
afterAll(() => {
  rmSync(top, { recursive: true, force: true });
});

function config(rootPath: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ ociVersion: '1.3.0', root: { path: rootPath }, process: { cwd: '/', args: ['sh'] }, ...extra });
}

/** A fresh bundle dir with config.json and whatever `setup` makes in it. */
function bundle(rootPath: string, setup: (dir: string) => void = () => {}, extra: Record<string, unknown> = {}): string {
  const dir = join(top, `b${n++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'config.json'), config(rootPath, extra));
  setup(dir);
  return dir;
}

async function rootFindings(dir: string): Promise<Array<{ severity: string; reason: unknown }>> {
  const [r] = await validatePath(dir);
  return r!.diagnostics.filter((d) => d.rule === 'config.root.path-exists').map((d) => ({ severity: d.severity, reason: d.params.reason }));
}

describe('config.root.path-exists', () => {
  it('accepts a rootfs directory in the bundle', async () => {
    expect(await rootFindings(bundle('rootfs', (d) => mkdirSync(join(d, 'rootfs'))))).toEqual([]);
  });

  it('reports a missing rootfs as an error', async () => {
    expect(await rootFindings(bundle('rootfs'))).toEqual([{ severity: 'error', reason: 'missing' }]);
  });

  it('reports a rootfs that is a file', async () => {
    expect(await rootFindings(bundle('rootfs', (d) => writeFileSync(join(d, 'rootfs'), 'x')))).toEqual([{ severity: 'error', reason: 'not-directory' }]);
  });

  it('reports a path through a file', async () => {
    expect(await rootFindings(bundle('file/rootfs', (d) => writeFileSync(join(d, 'file'), 'x')))).toEqual([{ severity: 'error', reason: 'not-directory' }]);
  });

  it('follows a relative symlink that stays inside the bundle', async () => {
    const dir = bundle('rootfs', (d) => {
      mkdirSync(join(d, 'images', 'one'), { recursive: true });
      symlinkSync('images/one', join(d, 'rootfs'));
    });
    expect(await rootFindings(dir)).toEqual([]);
  });

  it('follows an absolute symlink that points back into the bundle', async () => {
    const dir = bundle('rootfs', (d) => {
      mkdirSync(join(d, 'real'));
      symlinkSync(join(d, 'real'), join(d, 'rootfs'));
    });
    expect(await rootFindings(dir)).toEqual([]);
  });

  it('does not follow a symlink out of the bundle, even to a real directory', async () => {
    const outside = join(top, `outside${n++}`);
    mkdirSync(outside);
    const dir = bundle('rootfs', (d) => symlinkSync(outside, join(d, 'rootfs')));
    expect(await rootFindings(dir)).toEqual([{ severity: 'warning', reason: 'escapes' }]);
  });

  it('reports the escape, not a missing target, for a link to a place that does not exist outside', async () => {
    // Were the link followed, this would read as 'missing'.
    const dir = bundle('rootfs', (d) => symlinkSync('/nonexistent-oci-conform-target', join(d, 'rootfs')));
    expect(await rootFindings(dir)).toEqual([{ severity: 'warning', reason: 'escapes' }]);
  });

  it('catches an escape two links deep', async () => {
    const dir = bundle('a', (d) => {
      symlinkSync('b', join(d, 'a'));
      symlinkSync('../..', join(d, 'b'));
    });
    expect(await rootFindings(dir)).toEqual([{ severity: 'warning', reason: 'escapes' }]);
  });

  it('treats .. that climbs above the bundle as an escape and .. inside it as a step back', async () => {
    expect(await rootFindings(bundle('../x'))).toEqual([{ severity: 'warning', reason: 'escapes' }]);
    expect(await rootFindings(bundle('sub/../rootfs', (d) => (mkdirSync(join(d, 'sub')), mkdirSync(join(d, 'rootfs')))))).toEqual([]);
  });

  it('stops at a symlink loop', async () => {
    const dir = bundle('rootfs', (d) => {
      symlinkSync('loop2', join(d, 'rootfs'));
      symlinkSync('rootfs', join(d, 'loop2'));
    });
    expect(await rootFindings(dir)).toEqual([{ severity: 'error', reason: 'loop' }]);
  });

  it('takes an absolute root.path inside the bundle like a relative one', async () => {
    const dir = join(top, `b${n++}`);
    mkdirSync(join(dir, 'rootfs'), { recursive: true });
    writeFileSync(join(dir, 'config.json'), config(join(dir, 'rootfs')));
    expect(await rootFindings(dir)).toEqual([]);
  });

  it('checks an absolute root.path outside the bundle as the host path it is', async () => {
    const host = join(top, `hostroot${n++}`);
    mkdirSync(host);
    expect(await rootFindings(bundle(host))).toEqual([]);
    expect(await rootFindings(bundle(join(host, 'missing')))).toEqual([{ severity: 'error', reason: 'missing' }]);
  });

  it('leaves Windows configs and lone config files alone', async () => {
    const win = bundle('\\\\?\\Volume{ec84d99e-3f02-11e7-ac6c-00155d7682cf}\\', () => {}, { windows: { layerFolders: ['C:\\l'] } });
    expect(await rootFindings(win)).toEqual([]);
    const file = join(bundle('rootfs'), 'config.json');
    const [r] = await validatePath(file);
    expect(r!.diagnostics.filter((d) => d.rule === 'config.root.path-exists')).toEqual([]);
  });

  it('resolves without touching anything outside: checkInBundle reports where it stopped', () => {
    const dir = bundle('x', (d) => symlinkSync('/etc', join(d, 'x')));
    expect(checkInBundle(dir, ['x', 'passwd'])).toEqual({ ok: false, reason: 'escapes', at: 'x', detail: '/etc' });
  });
});
