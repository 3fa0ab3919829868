/**
 * oci-conform end to end against the real runc (needs `npm run build` first,
 * as `npm test` does): cases pass, reports are written, and every way a run
 * can end (normally, by SIGINT, by a case timeout, by a crash swept later by
 * `oci-conform cleanup`) leaves nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removeTree } from '../../harness/cleanup.js';
import { leftovers, runCli, runInfoFromTap, makeRunDir } from './conform/leftovers.js';
import { onPath } from '../../harness/discover.js';
import { parseTapStrict, yamlBlocks } from './formats/consumers.js';

const RUNC = '/usr/bin/runc';
const CASES = join(import.meta.dirname, 'conform', 'cases');
const LIFECYCLE = ['--only', 'lifecycle.create.state', '--only', 'lifecycle.start.runs-process', '--only', 'lifecycle.kill.delivers-signal', '--only', 'lifecycle.delete.removes-container'];
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => ({ dir, env } = await makeRunDir('oci-conform-e2e-')));
afterAll(async () => {
  await removeTree(dir);
});

describe('oci-conform --runtime runc', () => {
  it('passes the example lifecycle cases, writes JSON, TAP and JUnit, and leaves nothing behind', async () => {
    const json = join(dir, 'r.json');
    const junit = join(dir, 'r.xml');
    const tap = join(dir, 'r.tap');
    const r = await runCli(['--runtime', RUNC, ...LIFECYCLE, '--jobs', '2', '--reporter', `json=${json}`, '--reporter', `junit=${junit}`, '--reporter', `tap=${tap}`, '--reporter', 'console'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(await readFile(json, 'utf8'));
    expect(doc.reportVersion).toBe(2);
    expect(doc.summary.counts).toEqual({ pass: 4, fail: 0, warn: 0, skip: 0, error: 0 });
    expect(doc.summary.leftovers).toEqual([]);
    expect(doc.run.runtime.binary).toBe(RUNC);
    expect(doc.run.specVersion).toBe('1.0.2-dev'); // runc 1.1.5's features say ociVersionMax 1.0.2-dev: 1.0.2 plus its window
    expect(doc.run.configVersion).toBe('1.0.2-dev');
    expect(doc.run.host.cgroups.mode).toBe('hybrid');
    expect(doc.results.map((x: { id: string }) => x.id)).toEqual(['lifecycle.create.state', 'lifecycle.delete.removes-container', 'lifecycle.kill.delivers-signal', 'lifecycle.start.runs-process']);
    expect(doc.results[0].calls.map((c: { argv: string[] }) => c.argv[3])).toEqual(['create', 'state', 'delete']);
    const tapText = await readFile(tap, 'utf8');
    expect(tapText).toMatch(/^TAP version 14\n/);
    expect(tapText).toMatch(/\n1\.\.4\n/);
    expect(tapText.match(/^ok \d+ - /gm)).toHaveLength(4);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain('<testsuite name="lifecycle" tests="4" failures="0" errors="0" skipped="0"');
    expect(r.stdout).toContain('4 passed, 0 failed');
    expect(leftovers({ runId: doc.run.runId, workDir: doc.run.workDir, ledgerDir: env.OCI_CONFORM_LEDGER_DIR! })).toEqual([]);
  });

  it('a full run of every case matches the committed runc baseline and leaves nothing behind', { timeout: 600_000 }, async () => {
    const json = join(dir, 'full.json');
    const tap = join(dir, 'full.tap');
    // CI's gate: any result that differs from ci/expectations/runc.yaml, or a stale entry there, is exit 1
    const r = await runCli(['--runtime', RUNC, '--expectations', 'ci/expectations/runc.yaml', '--reporter', `json=${json}`, '--reporter', `tap=${tap}`, '--reporter', 'console'], { env });
    expect(r.code, `${r.stdout.slice(-6000)}\n${r.stderr}`).toBe(0);
    const doc = JSON.parse(await readFile(json, 'utf8'));
    // the TAP of every case, cases with two containers among them, read by tap-parser in strict mode: exactly the
    // failed cases fail, and every YAML block is valid YAML
    const tapText = await readFile(tap, 'utf8');
    const { result } = await parseTapStrict(tapText);
    expect(result.fail).toBe(doc.summary.counts.fail + doc.summary.counts.error);
    expect(result.failures).toHaveLength(doc.summary.counts.fail + doc.summary.counts.error);
    expect(yamlBlocks(tapText).filter((b) => b.errors.length > 0)).toEqual([]);
    const all = (await runCli(['list'], { env })).stdout.trim().split('\n');
    expect(doc.results).toHaveLength(all.length);
    expect(Object.values(doc.summary.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(all.length);
    expect(doc.summary.leftovers).toEqual([]);
    expect(leftovers({ runId: doc.run.runId, workDir: doc.run.workDir, ledgerDir: env.OCI_CONFORM_LEDGER_DIR! })).toEqual([]);
  });

  it('a failing case gives exit 1 with the evidence; expectations turn it into exit 0; a stale one into exit 1', async () => {
    const file = join(CASES, 'fails.case.mjs');
    const json = join(dir, 'f.json');
    const bad = await runCli(['--runtime', RUNC, '--only', 'test.**', '--case-file', file, '--reporter', `json=${json}`], { env });
    expect(bad.code).toBe(1);
    const doc = JSON.parse(await readFile(json, 'utf8'));
    expect(doc.results[0].outcome.status).toBe('fail');
    expect(doc.results[0].violations[0]).toMatchObject({ requirement: 'RT-KILL-SENDS-SIGNAL', level: 'MUST', expected: 1, actual: 2 });
    expect(doc.results[0].violations[0].reference).toBe('https://github.com/opencontainers/runtime-spec/blob/v1.1.0-rc.1/runtime.md#kill');
    expect(doc.results[0].configs[0].config.ociVersion).toBe('1.0.2-dev');

    const exp = join(dir, 'exp.json');
    await writeFile(exp, JSON.stringify({ runtime: 'runc', expectations: { 'test.always-fails': { status: 'fail', reason: 'it is made to fail', requirement: 'RT-KILL-SENDS-SIGNAL' } } }));
    const matched = await runCli(['--runtime', RUNC, '--only', 'test.**', '--case-file', file, '--expectations', exp, '--reporter', 'console'], { env });
    expect(matched.code).toBe(0);
    expect(matched.stdout).toContain('matches baseline');

    const stale = join(dir, 'stale.json');
    await writeFile(stale, JSON.stringify({ expectations: { 'test.always-fails': { status: 'fail', reason: 'x' }, 'no.such.case': { status: 'fail', reason: 'gone' } } }));
    const s = await runCli(['--runtime', RUNC, '--only', 'test.**', '--case-file', file, '--expectations', stale], { env });
    expect(s.code).toBe(1);
    expect(s.stdout).toContain('stale expectation: no.such.case expected fail, got missing');
  });

  it('--spec-version gates cases by requirement version, and --level decides whether a SHOULD violation fails or warns', async () => {
    const file = join(CASES, 'should.case.mjs');
    const base = ['--runtime', RUNC, '--only', 'test.**', '--case-file', file, '--reporter', 'tap'];
    const old = await runCli([...base, '--spec-version', '1.0.1'], { env });
    expect(old.code).toBe(0);
    expect(old.stdout).toMatch(/^ok 1 - test\.should # SKIP LNX-NS-TYPES-SUPPORTED appeared in runtime-spec 1\.0\.2; this run targets 1\.0\.1/m);
    const must = await runCli([...base, '--spec-version', '1.3.0'], { env });
    expect(must.code).toBe(0);
    expect(must.stdout).toMatch(/^ok 1 - test\.should \\# warn: \[LNX-NS-TYPES-SUPPORTED SHOULD\] a SHOULD is not met$/m);
    const should = await runCli([...base, '--spec-version', '1.3.0', '--level', 'SHOULD'], { env });
    expect(should.code).toBe(1);
    expect(should.stdout).toMatch(/^not ok 1 - test\.should$/m);
  });

  it('a case that hangs past --timeout is an error, and its running container is cleaned up', async () => {
    const r = await runCli(['--runtime', RUNC, '--only', 'test.**', '--case-file', join(CASES, 'hang.case.mjs'), '--timeout', '3000', '--reporter', 'tap'], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^not ok 1 - test\.hang$/m);
    expect(r.stdout).toContain('timedOut: true');
    expect(leftovers({ ...runInfoFromTap(r.stdout), ledgerDir: env.OCI_CONFORM_LEDGER_DIR! })).toEqual([]);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s after the first result: exit %i, remaining cases not started, nothing left behind', async (sig, code) => {
    let sent = false;
    const r = await runCli(['--runtime', RUNC, '--only', 'lifecycle.*.*', '--case-file', join(CASES, 'hang.case.mjs'), '--only', 'test.**', '--jobs', '2', '--reporter', 'tap'], {
      env,
      onStdout: (all, child) => {
        if (!sent && /^(ok|not ok) 1 /m.test(all)) {
          sent = true;
          child.kill(sig);
        }
      },
    });
    expect(sent).toBe(true);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(`${sig}: stopping after cleanup`);
    expect(r.stdout).toContain('# interrupted');
    expect(r.stdout).toContain(`Bail out! OCI_CONFORM_INTERRUPTED: interrupted by ${sig}`);
    const planned = Number(/^# cases (\d+)$/m.exec(r.stdout)?.[1] ?? 'NaN');
    const done = r.stdout.match(/^(ok|not ok) \d+ /gm)?.length ?? 0;
    expect(done).toBeLessThan(planned);
    const run = runInfoFromTap(r.stdout);
    expect(leftovers({ ...run, ledgerDir: env.OCI_CONFORM_LEDGER_DIR! })).toEqual([]);
  });

  it('a runtime without delete --force: cleanup kills and deletes the timed-out container instead', async () => {
    const noforce = join(dir, 'noforce-runtime');
    await writeFile(noforce, `#!/bin/sh\n# runc, except that delete refuses --force\nfor a in "$@"; do [ "$a" = --force ] && { echo "unknown flag --force" >&2; exit 2; }; done\nexec /usr/bin/runc "$@"\n`, { mode: 0o755 });
    const r = await runCli(['--runtime', noforce, '--only', 'test.**', '--case-file', join(CASES, 'hang.case.mjs'), '--timeout', '3000', '--reporter', 'json'], { env });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const ops = doc.results[0].calls.map((c: { argv: string[] }) => c.argv.slice(3).filter((a: string) => !a.startsWith('/')).join(' '));
    expect(ops).toContain('kill ' + doc.results[0].calls[0].argv.at(-1) + ' SIGKILL');
    expect(ops.at(-1)).toBe(`delete ${doc.results[0].calls[0].argv.at(-1)}`);
    expect(doc.results[0].calls.at(-1).exitCode).toBe(0);
    expect(leftovers({ runId: doc.run.runId, workDir: doc.run.workDir, ledgerDir: env.OCI_CONFORM_LEDGER_DIR! })).toEqual([]);
  });

  it('`oci-conform cleanup` leaves a run that is still going alone', async () => {
    const ledgerDir = join(dir, 'live-ledger');
    const liveEnv = { ...env, OCI_CONFORM_LEDGER_DIR: ledgerDir };
    let cleanupOut: Awaited<ReturnType<typeof runCli>> | undefined;
    let stateAfter: string[] = [];
    const r = await runCli(['--runtime', RUNC, '--only', 'test.**', '--case-file', join(CASES, 'hang.case.mjs'), '--timeout', '60000', '--reporter', 'tap'], {
      env: liveEnv,
      onStdout: (all, child) => {
        if (cleanupOut || !/^# run /m.test(all)) return;
        cleanupOut = { code: null, signal: null, stdout: '', stderr: '' };
        const { workDir } = runInfoFromTap(all);
        const t = setInterval(() => {
          void readdir(join(workDir, 'state'))
            .then(async (ids) => {
              if (!ids.some((i) => i.endsWith('-0-c'))) return;
              clearInterval(t);
              cleanupOut = await runCli(['cleanup'], { env: liveEnv });
              stateAfter = await readdir(join(workDir, 'state'));
              child.kill('SIGINT');
            })
            .catch(() => undefined);
        }, 50);
      },
    });
    expect(cleanupOut?.code).toBe(0);
    expect(cleanupOut?.stdout).toMatch(/^skipped oc\w+: run oc\w+ is still going \(pid \d+\); use --force to sweep it anyway$/m);
    expect(stateAfter.some((i) => i.endsWith('-0-c'))).toBe(true); // its container was not touched
    expect(r.code).toBe(130);
    expect(leftovers({ ...runInfoFromTap(r.stdout), ledgerDir })).toEqual([]);
  });

  it('after a crash (SIGKILL mid-case), `oci-conform cleanup` removes the container, its process and cgroups, and the temp dir', async () => {
    let killed = false;
    const ledgerDir = join(dir, 'crash-ledger');
    const crashEnv = { ...env, OCI_CONFORM_LEDGER_DIR: ledgerDir };
    const r = await runCli(['--runtime', RUNC, '--only', 'test.**', '--case-file', join(CASES, 'hang.case.mjs'), '--timeout', '60000', '--reporter', 'tap'], {
      env: crashEnv,
      onStdout: (all, child) => {
        if (!killed && /^# run /m.test(all)) {
          killed = true;
          // Let the case create and start its container, then kill the run without any chance to clean up.
          const t = setInterval(() => {
            void readdir(join(runInfoFromTap(all).workDir, 'state'))
              .then((ids) => {
                if (ids.some((i) => i.endsWith('-0-c'))) {
                  clearInterval(t);
                  setTimeout(() => child.kill('SIGKILL'), 500);
                }
              })
              .catch(() => undefined);
          }, 50);
        }
      },
    });
    expect(r.signal).toBe('SIGKILL');
    const run = { ...runInfoFromTap(r.stdout), ledgerDir };
    expect(leftovers(run).length).toBeGreaterThan(0); // the crash did leave things
    const c = await runCli(['cleanup'], { env: crashEnv });
    expect(c.code).toBe(0);
    expect(c.stdout).toContain(`run ${run.runId}: swept`);
    expect(leftovers(run)).toEqual([]);
  });
});

describe('sharded runs', () => {
  it('two shards run disjoint halves; merge combines them into one judged run', async () => {
    const parts = [join(dir, 's1.json'), join(dir, 's2.json')];
    for (const [i, f] of parts.entries()) {
      const r = await runCli(['--runtime', RUNC, ...LIFECYCLE, '--shard', `${i + 1}/2`, '--reporter', `json=${f}`], { env });
      expect(r.code).toBe(0);
    }
    const [a, b] = await Promise.all(parts.map(async (f) => JSON.parse(await readFile(f, 'utf8')).results.map((x: { id: string }) => x.id) as string[]));
    expect(a!.length + b!.length).toBe(4);
    expect(a!.filter((x) => b!.includes(x))).toEqual([]);
    const merged = join(dir, 'merged.json');
    const m = await runCli(['merge', ...parts, '--reporter', `json=${merged}`, '--reporter', 'console'], { env });
    expect(m.code).toBe(0);
    const doc = JSON.parse(await readFile(merged, 'utf8'));
    expect(doc.summary.counts).toEqual({ pass: 4, fail: 0, warn: 0, skip: 0, error: 0 });
    expect(doc.run.selection.selected).toBe(4);
    expect(m.stdout).toContain('4 passed, 0 failed');
    const twice = await runCli(['merge', parts[0]!, parts[0]!], { env });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/^oci-conform: OCI_CONFORM_USAGE: merge: case \S+ is in more than one report/);
  });
});

describe('oci-conform environment and usage errors', () => {
  it('crun 1.8.1 on this hybrid host: one environment error quoting crun, exit 3, nothing left behind', async () => {
    const r = await runCli(['--runtime', '/usr/bin/crun', '--only', 'lifecycle.create.state'], { env });
    expect(r.code).toBe(3);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    // crun 1.8.1 has no features verb; its --version says `spec: 1.0.0`, so the run targets 1.0.0, which crun
    // accepts, and the canary fails on the host alone.
    expect(lines[0]).toMatch(/^oci-conform: OCI_CONFORM_CANARY_FAILED: canary container failed with ociVersion 1\.0\.0: .*cgroups in hybrid mode not supported/);
    expect(await readdir(env.OCI_CONFORM_LEDGER_DIR!)).toEqual([]);
  });

  it('a runtime that refuses the target ociVersion but runs an older one is told apart: version rejected, exit 3', async () => {
    const fussy = join(dir, 'fussy-runtime');
    await writeFile(
      fussy,
      `#!/bin/sh\n# runc, except that it refuses configs saying ociVersion 1.3.0 (as crun 1.8.1 does)\nprev=\nfor a in "$@"; do [ "$prev" = --bundle ] && b="$a"; prev="$a"; done\nif [ -n "$b" ] && grep -q '"ociVersion": "1.3.0"' "$b/config.json"; then echo "unknown version specified" >&2; exit 1; fi\nexec /usr/bin/runc "$@"\n`,
      { mode: 0o755 },
    );
    const r = await runCli(['--runtime', fussy, '--spec-version', '1.3.0', '--only', 'lifecycle.create.state'], { env });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^oci-conform: OCI_CONFORM_VERSION_REJECTED: the runtime rejects configs with ociVersion 1\.3\.0 \(.*unknown version specified\) but runs 1\.0\.0: pass --spec-version 1\.0\.0/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(await readdir(env.OCI_CONFORM_LEDGER_DIR!)).toEqual([]);
    const ok = await runCli(['--runtime', fussy, '--spec-version', '1.2.0', '--only', 'lifecycle.create.state'], { env });
    expect(ok.code).toBe(0);
  });

  it('without --runtime: ours once built, else the first of runc, crun, youki on PATH, and says which', async () => {
    const ours = existsSync(join(import.meta.dirname, '..', '..', 'bin', 'oci-ts-runtime.js'));
    const r = await runCli(['--only', 'lifecycle.create.state', '--reporter', 'tap'], { env });
    const m = /^oci-conform: no --runtime given: driving (\S+) /m.exec(r.stderr);
    expect(m?.[1]).toBe(ours ? join(import.meta.dirname, '..', '..', 'bin', 'oci-ts-runtime.js') : onPath('runc'));
    if (!ours) {
      expect(r.code).toBe(0);
      const none = await runCli(['--only', 'lifecycle.create.state'], { env: { ...env, PATH: '/nonexistent' } });
      expect(none.code).toBe(3);
      expect(none.stderr).toMatch(/^oci-conform: OCI_CONFORM_RUNTIME_NOT_FOUND: no runtime given and none of runc, crun, youki is on PATH/);
    }
  });

  it('a runtime that is not there: exit 3, one line', async () => {
    const r = await runCli(['--runtime', '/nonexistent/runc'], { env });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('oci-conform: OCI_CONFORM_RUNTIME_NOT_FOUND: runtime /nonexistent/runc: no executable file at that path\n');
  });

  it('bad flags: exit 2, one line', async () => {
    for (const args of [['--runtime', RUNC, '--only', 'no.such.case.*'], ['--level', 'MAYBE'], ['--shard', '3/2'], ['--jobs', '0'], ['--bogus'], ['frobnicate'], ['--reporter', 'junit']]) {
      const r = await runCli(args, { env });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^oci-conform: /);
    }
  });

  it('list and --shard partition the cases', async () => {
    const all = (await runCli(['list'], { env })).stdout.trim().split('\n');
    const a = (await runCli(['list', '--shard', '1/2'], { env })).stdout.trim().split('\n');
    const b = (await runCli(['list', '--shard', '2/2'], { env })).stdout.trim().split('\n');
    expect(all.length).toBeGreaterThan(3);
    expect([...a, ...b].sort()).toEqual([...all].sort());
    expect(a.filter((x) => b.includes(x))).toEqual([]);
    // id, requirements, conditions (none: a container in a user namespace can have it too), title
    expect(all.some((l) => l.startsWith('lifecycle.kill.delivers-signal\tRT-KILL-SENDS-SIGNAL\t\t'))).toBe(true);
    expect(all.some((l) => /^filesystem\.devices\.char\t[^\t]+\troot\t/.test(l))).toBe(true);
  });
});
