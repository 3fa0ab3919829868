/**
 * Bad input to oci-validate: each gets one clear line naming the file and the
 * reason, exit 2, no stack trace, and nothing on disk changes.
 */
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { REPO, runCli } from './helpers.js';

let dir: string;

function snapshot(d: string): string {
  const h = createHash('sha256');
  const walk = (p: string): void => {
    for (const name of readdirSync(p).sort()) {
      const f = join(p, name);
      const st = statSync(f, { throwIfNoEntry: false }) ?? { isDirectory: () => false, isFile: () => false, size: -1, mtimeMs: 0, mode: 0 };
      h.update(`${f} ${st.size} ${st.mtimeMs} ${st.mode}\n`);
      if (st.isDirectory()) walk(f);
      else if (st.isFile() && st.size < 1024 * 1024 && (st.mode & 0o444) !== 0) h.update(readFileSync(f));
    }
  };
  walk(d);
  return h.digest('hex');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'oci-validate-bad-'));
  writeFileSync(join(dir, 'empty.json'), '');
  writeFileSync(join(dir, 'binary.json'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]));
  writeFileSync(join(dir, 'latin1.json'), Buffer.concat([Buffer.from('{"ociVersion": "1.0.0", "hostname": "caf'), Buffer.from([0xe9]), Buffer.from('"}')]));
  writeFileSync(join(dir, 'bom.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"ociVersion": "1.0.0"}')]));
  writeFileSync(join(dir, 'deep.json'), `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  // 200 MB of JSON-looking text, written in chunks (never held in memory whole)
  const big = openSync(join(dir, 'big.json'), 'w');
  const chunk = Buffer.from(`[${'1,'.repeat(512 * 1024 - 1)}1]`.slice(0, 1024 * 1024));
  for (let i = 0; i < 200; i++) writeSync(big, chunk);
  closeSync(big);
  mkdirSync(join(dir, 'not-a-bundle'));
  writeFileSync(join(dir, 'not-a-bundle', 'README'), 'hello');
  writeFileSync(join(dir, 'secret.json'), '{"ociVersion": "1.0.0"}');
  chmodSync(join(dir, 'secret.json'), 0o000);
  symlinkSync(join(dir, 'gone.json'), join(dir, 'dangling.json'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function expectOneLine(r: { code: number | null; stderr: string; stdout: string }, file: string, reason: RegExp): void {
  expect(r.code).toBe(2);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(reason);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toMatch(/internal error/);
}

describe('oci-validate on bad input', () => {
  it.each([
    ['empty.json', /is empty/],
    ['binary.json', /NUL byte.*binary/],
    ['latin1.json', /not valid UTF-8/],
    ['bom.json', /byte order mark/],
    ['deep.json', /nesting deeper than \d+ levels/],
    ['big.json', /over the limit of \d+ bytes/],
    ['not-a-bundle', /directory without config\.json/],
    ['dangling.json', /symbolic link to a file that does not exist/],
    ['missing.json', /no such file or directory/],
  ])('%s: one line, exit 2, disk unchanged', (name, reason) => {
    const before = snapshot(dir);
    const r = runCli('oci-validate.js', [join(dir, name)]);
    expectOneLine(r, join(dir, name), reason);
    expect(snapshot(dir)).toBe(before);
  });

  it('a file the user may not read', () => {
    // root reads anything, so drop to nobody for this one
    const r = runCli('oci-validate.js', [join(dir, 'secret.json')], { prefix: ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] });
    expectOneLine(r, join(dir, 'secret.json'), /permission denied/);
  });

  it('200 MB on stdin is cut off at the limit, not read whole', () => {
    // cat gets SIGPIPE when we stop reading: proof that we did not read to the end
    const r = spawnSync('sh', ['-c', `cat '${join(dir, 'big.json')}' | '${process.execPath}' '${join(REPO, 'bin', 'oci-validate.js')}' -`], { encoding: 'utf8' });
    expectOneLine({ code: r.status, stdout: r.stdout, stderr: r.stderr }, '<stdin>', /more than \d+ bytes/);
  });

  it('still validates the good files named beside a bad one, and exits 2', () => {
    writeFileSync(join(dir, 'good.json'), JSON.stringify({ ociVersion: '1.0.0', root: { path: 'rootfs' } }));
    try {
      const r = runCli('oci-validate.js', ['--format', 'json', join(dir, 'empty.json'), join(dir, 'good.json')]);
      expect(r.code).toBe(2);
      const report = JSON.parse(r.stdout) as { documents: Array<{ file: string }> };
      expect(report.documents.map((d) => d.file)).toEqual([join(dir, 'good.json')]);
    } finally {
      rmSync(join(dir, 'good.json'));
    }
  });

  it.each(['text', 'json', 'sarif'])(
    'a --spec-version that one input has no such version of costs the other inputs nothing (%s)',
    (format) => {
      // runtime-spec has a 1.2.0, image-spec none: the layout is an input error, the config is validated at 1.2.0
      const layout = join(dir, 'spec-version-layout');
      mkdirSync(join(layout, 'blobs', 'sha256'), { recursive: true });
      writeFileSync(join(layout, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
      writeFileSync(join(layout, 'index.json'), '{"schemaVersion":2,"manifests":[]}');
      const config = join(dir, 'spec-version-config.json');
      writeFileSync(config, JSON.stringify({ ociVersion: '1.0.0', root: { path: 'rootfs' } }));
      try {
        const r = runCli('oci-validate.js', ['--format', format, '--spec-version', '1.2.0', layout, config]);
        expect(r.code).toBe(2);
        expect(r.stderr.trimEnd().split('\n')).toEqual([`oci-validate: ${layout}: --spec-version 1.2.0 is not an image-spec version we know (1.0.0, 1.0.1, 1.0.2, 1.1.0, 1.1.1)`]);
        if (format === 'text') expect(r.stdout).toContain(config);
        else if (format === 'json') {
          const rep = JSON.parse(r.stdout) as { documents: Array<{ file: string; specVersion: string }>; errors: Array<{ file: string; code: string }> };
          expect(rep.documents.map((d) => [d.file, d.specVersion])).toEqual([[config, '1.2.0']]);
          expect(rep.errors.map((e) => [e.file, e.code])).toEqual([[layout, 'OCI_INPUT_SPEC_VERSION']]);
        } else {
          const log = JSON.parse(r.stdout) as {
            runs: Array<{ invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ descriptor: { id: string } }> }>; artifacts?: Array<{ location: { uri: string } }>; results: unknown[] }>;
          };
          const inv = log.runs[0]!.invocations[0]!;
          expect(inv.executionSuccessful).toBe(false);
          expect(inv.toolExecutionNotifications.map((n) => n.descriptor.id)).toEqual(['OCI_INPUT_SPEC_VERSION']);
          expect(JSON.stringify(log.runs[0]!.results)).toContain('spec-version-config.json');
        }
      } finally {
        rmSync(layout, { recursive: true });
        rmSync(config);
      }
    },
  );

  it.each([
    [['--format', 'xml', 'x.json'], /--format xml/],
    [['--level', 'MAY', 'x.json'], /--level MAY/],
    [['--kind', 'nope', 'x.json'], /--kind nope/],
    [['--bogus', 'x.json'], /bogus/],
    [[], /no PATH/],
  ])('usage error %j: one line, exit 2', (args, reason) => {
    const r = runCli('oci-validate.js', args);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(reason);
  });
});
