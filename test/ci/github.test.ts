/**
 * ci/github/: the composite action and the example workflow that uses it. Both must be YAML (the `yaml` package,
 * strict), every input the action reads must be declared and every declared one read, its shell steps must be bash
 * that parses, with no `${{ }}` pasted into a script (inputs reach scripts through env), and it must install
 * oci-conform from its own checkout or the `package` input (oci-conform is not on the registry). The run step's
 * script is then run with a stand-in oci-conform, to check the command lines it makes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const DIR = join(import.meta.dirname, '..', '..', 'ci', 'github');

interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, unknown>;
}
interface Action {
  readonly name: string;
  readonly inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  readonly outputs: Record<string, { value: string }>;
  readonly runs: { using: string; steps: Step[] };
}
interface Workflow {
  readonly jobs: Record<string, { steps: Step[] }>;
}

function load<T>(file: string): { doc: T; text: string } {
  const text = readFileSync(join(DIR, file), 'utf8');
  const d = parseDocument(text, { strict: true, uniqueKeys: true, prettyErrors: false });
  expect(d.errors.map((e) => `${file}: ${e.message}`)).toEqual([]);
  expect(d.warnings.map((e) => `${file}: ${e.message}`)).toEqual([]);
  return { doc: d.toJS() as T, text };
}

const action = load<Action>('action.yml');
const workflow = load<Workflow>('oci-conform.yml');
const steps = action.doc.runs.steps;

describe('ci/github/action.yml', () => {
  it('is a composite action whose every used input is declared and every declared input used', () => {
    expect(action.doc.runs.using).toBe('composite');
    const declared = Object.keys(action.doc.inputs).sort();
    // ${{ inputs.x }} in values and bare inputs.x in if: conditions, comments left out
    const body = action.text
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('#'))
      .join('\n');
    const used = [...new Set([...body.matchAll(/\binputs\.([A-Za-z0-9_-]+)/g)].map((m) => m[1]!))].sort();
    expect(used.filter((u) => !declared.includes(u))).toEqual([]);
    expect(declared.filter((d) => !used.includes(d))).toEqual([]);
    for (const [name, input] of Object.entries(action.doc.inputs)) expect(input.description, name).toBeTruthy();
    expect(action.doc.outputs.report!.value).toMatch(/steps\.run\.outputs\.report/);
    expect(steps.some((s) => s.id === 'run')).toBe(true);
  });

  it('runs bash that parses, with inputs through env, never pasted into a script', () => {
    const scripts = steps.filter((s) => s.run !== undefined);
    expect(scripts.length).toBeGreaterThan(2);
    for (const s of scripts) {
      expect(s.shell, s.name).toBe('bash'); // composite run steps must name their shell
      expect(s.run, s.name).not.toContain('${{');
      const r = spawnSync('bash', ['-n'], { input: s.run, encoding: 'utf8' });
      expect(r.status, `${s.name}: ${r.stderr}`).toBe(0);
    }
  });

  it('installs oci-conform from its own checkout or the package input, not from the registry', () => {
    const install = steps.find((s) => s.name === 'Install oci-conform')!;
    expect(install.run).toContain('$GITHUB_ACTION_PATH/../..');
    expect(install.run).toMatch(/npm ci\b/);
    expect(install.run).toMatch(/npm pack\b/);
    expect(install.env).toEqual({ PACKAGE: '${{ inputs.package }}' });
    expect(action.text).not.toMatch(/npm install -g|npx oci-conform|oci-conform@/);
  });

  describe('the run step, with a stand-in oci-conform', () => {
    let tmp: string;
    const run = steps.find((s) => s.id === 'run')!;
    beforeAll(() => {
      tmp = mkdtempSync(join(tmpdir(), 'oci-conform-action-'));
      mkdirSync(join(tmp, 'bin'));
      // the stand-in prints its arguments one a line; sudo -E env PATH=… runs the rest
      writeFileSync(join(tmp, 'bin', 'oci-conform'), '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\n');
      writeFileSync(join(tmp, 'bin', 'sudo'), '#!/bin/sh\n[ "$1" = -E ] && shift\nexec "$@"\n');
      for (const f of ['oci-conform', 'sudo']) chmodSync(join(tmp, 'bin', f), 0o755);
    });
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));

    /** The inputs as the action gives them to the step (its defaults, then these), the script run in a work dir. */
    function step(inputs: Record<string, string>): { code: number | null; args: string[]; output: string; stderr: string } {
      const values: Record<string, string> = {};
      for (const [k, v] of Object.entries(action.doc.inputs)) values[k] = v.default ?? '';
      Object.assign(values, inputs);
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(run.env ?? {})) env[k] = v.replace(/\$\{\{ inputs\.([A-Za-z0-9_-]+) \}\}/, (_, n: string) => values[n] ?? '');
      const work = mkdtempSync(join(tmp, 'work-'));
      const output = join(work, 'github-output');
      const r = spawnSync('bash', ['-e', '-c', run.run!], {
        cwd: work,
        encoding: 'utf8',
        env: { PATH: `${join(tmp, 'bin')}:${process.env.PATH}`, OCI_CONFORM: join(tmp, 'bin', 'oci-conform'), GITHUB_OUTPUT: output, ...env },
      });
      let said = '';
      try {
        said = readFileSync(output, 'utf8');
      } catch {
        /* the step wrote none */
      }
      return { code: r.status, args: r.stdout.trim().split('\n'), output: said, stderr: r.stderr };
    }

    it('a run: runtime, shard, level, reporters, expectations kept a pattern, extra-args split like the shell', () => {
      const r = step({ runtime: '/usr/local/bin/my-runtime', shard: '2/4', expectations: 'ci/x/my-runtime.*.json', 'extra-args': `--only 'linux.**' --skip "a b"` });
      expect(r.code, r.stderr).toBe(0);
      expect(r.args).toEqual([
        '--runtime', '/usr/local/bin/my-runtime', '--shard', '2/4', '--level', 'MUST', '--expectations', 'ci/x/my-runtime.*.json',
        '--reporter', 'console', '--reporter', 'json=oci-conform-report/shard-2-of-4/report.json', '--reporter', 'junit=oci-conform-report/shard-2-of-4/junit.xml',
        '--reporter', 'tap=oci-conform-report/shard-2-of-4/report.tap',
        '--only', 'linux.**', '--skip', 'a b',
      ]);
      expect(r.output).toBe('report=oci-conform-report/shard-2-of-4/report.json\n');
    });

    it('a run without a runtime is an error naming the input', () => {
      const r = step({});
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('the runtime input is required');
    });

    it('a merge: the globbed reports, merged with the expectations', () => {
      const work = mkdtempSync(join(tmp, 'shards-'));
      for (const k of [1, 2]) {
        mkdirSync(join(work, `a${k}`, `shard-${k}-of-2`), { recursive: true });
        writeFileSync(join(work, `a${k}`, `shard-${k}-of-2`, 'report.json'), '{}');
      }
      const r = step({ merge: `${work}/*/shard-*/report.json`, expectations: 'e.*.json' });
      expect(r.code, r.stderr).toBe(0);
      expect(r.args.slice(0, 5)).toEqual(['merge', `${work}/a1/shard-1-of-2/report.json`, `${work}/a2/shard-2-of-2/report.json`, '--expectations', 'e.*.json']);
      expect(r.output).toBe('report=oci-conform-report/merged/report.json\n');
    });
  });
});

describe('ci/github/oci-conform.yml', () => {
  const uses = Object.values(workflow.doc.jobs).flatMap((j) => j.steps.filter((s) => s.uses !== undefined));

  it('uses GitHub\'s own actions and ours under a placeholder owner and ref, nothing from a made-up organisation', () => {
    expect(uses.length).toBeGreaterThan(0);
    for (const s of uses) expect(s.uses, s.uses).toMatch(/^(actions\/[a-z-]+@v\d+|<owner>\/oci-conform\/ci\/github@<ref>|\.\/.+)$/);
    expect(workflow.text).not.toMatch(/npm install -g|npx oci-conform/);
  });

  it('gives our action only inputs it declares, and a runtime or reports to merge', () => {
    const ours = uses.filter((s) => s.uses!.includes('oci-conform/ci/github'));
    expect(ours.length).toBe(2); // the sharded run and the merge
    for (const s of ours) {
      expect(Object.keys(s.with ?? {}).filter((k) => !(k in action.doc.inputs))).toEqual([]);
      expect('runtime' in (s.with ?? {}) || 'merge' in (s.with ?? {}), s.name).toBe(true);
    }
  });
});
