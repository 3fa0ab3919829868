/** What the CLI tests share: an io that keeps what a tool says, and a shard report for `oci-conform merge`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostConditions } from '../../harness/model.js';
import { SAMPLE_RESULT, sampleRunInfo } from '../reporters/conform/sample-run.js';

export interface MemoryIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly isTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly said: { out: string; err: string };
}

/** An io that keeps stdout and stderr; `env` stands for the process environment (NO_COLOR, OCI_DEBUG). */
export function memoryIo(opts: { isTTY?: boolean; env?: NodeJS.ProcessEnv } = {}): MemoryIo {
  const said = { out: '', err: '' };
  return { out: (t) => void (said.out += t), err: (t) => void (said.err += t), isTTY: opts.isTTY ?? false, env: opts.env ?? {}, said };
}

/**
 * A JSON report of one finished shard (reportVersion 2, docs/INTERPRETING.md),
 * as `oci-conform run --reporter json=FILE` writes it: one pass, one fail.
 */
export function writeShardReport(dir: string, name = 'shard.json'): string {
  const base = { ...SAMPLE_RESULT, durationMs: 12 };
  const report = {
    reportVersion: 2,
    run: sampleRunInfo({ root: { ok: true } } as HostConditions, { selection: { total: 2, selected: 2 }, jobs: 1 }),
    summary: { counts: { pass: 1, fail: 1, warn: 0, skip: 0, error: 0 }, durationMs: 100, interrupted: false, leftovers: [], exitCode: 1 },
    results: [
      { ...base, id: 'lifecycle.a', outcome: { status: 'pass' } },
      { ...base, id: 'lifecycle.b', outcome: { status: 'fail', violations: [{ requirement: 'RT-KILL-SENDS-SIGNAL', level: 'MUST', message: 'no signal' }] } },
    ],
  };
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(report));
  return file;
}

/** A reporter module that throws as the run starts: a bug of ours as far as oci-conform can tell. */
export function writeThrowingReporter(dir: string): string {
  const file = join(dir, 'throwing-reporter.mjs');
  writeFileSync(file, "export default { onRunStart() { throw new TypeError('cannot read properties of undefined (reading \\'x\\')'); } };\n");
  return file;
}
