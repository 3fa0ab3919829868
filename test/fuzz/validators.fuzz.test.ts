/**
 * The fuzzing seed set (docs/FUZZING.md): fixed seeds, a few hundred generated and mutated documents and a few
 * dozen layouts through the validator in-process, a handful through the CLI, each checked for the properties of
 * test/fuzz/properties.ts. A failure names fast-check's seed and path and the file the input was written to.
 * `npm run fuzz` runs the same properties over 100,000 inputs and more.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../validators/diagnostic.js';
import type { FuzzInput } from './arbitraries.js';
import { generatedInputArb, layoutInputArb, mutatedInputArb, serialize } from './arbitraries.js';
import { checkCli, checkInput, checkPositions, materialize } from './properties.js';
import { writeCounterexample } from './run.js';

const work = mkdtempSync(join(tmpdir(), 'oci-fuzz-test-'));
const failures = join(work, 'failures');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'oci-validate.js');

let n = 0;
async function holds(input: FuzzInput): Promise<void> {
  const o = await checkInput(input, work);
  const problems = [...(o.crash ? [`crash: ${o.crash}`] : []), ...o.violations];
  if (problems.length > 0) {
    const file = writeCounterexample(failures, 0, n++, input, problems.join('\n'));
    throw new Error(`${problems.join('\n')}\n(input written to ${file})`);
  }
}

describe('fuzzing the validators (fixed seeds)', () => {
  it('generated documents of every kind: no crash, findings in place, verdict independent of key order and whitespace, shadowed values validated', async () => {
    await fc.assert(fc.asyncProperty(generatedInputArb, holds), { seed: 1305, numRuns: 100 });
  });

  it('mutated documents (bytes and structure): never a crash, each finding in place', async () => {
    await fc.assert(fc.asyncProperty(mutatedInputArb, holds), { seed: 1306, numRuns: 200 });
  });

  it('whole layouts as directories, tar and tar.gz: never a crash, in bounded time', async () => {
    await fc.assert(fc.asyncProperty(layoutInputArb, holds), { seed: 1307, numRuns: 30 });
  });

  it('through the CLI: documented exit codes, no stack trace, a JSON report, the library’s verdict', async () => {
    const inputs = fc.sample(fc.oneof(generatedInputArb as fc.Arbitrary<FuzzInput>, mutatedInputArb, layoutInputArb), { seed: 1308, numRuns: 4 });
    for (const input of inputs) {
      const o = await checkInput(input, work);
      const c = checkCli(input, materialize(input, work), o.exit, BIN);
      expect(c.violations).toEqual([]);
    }
  });
});

describe('the position property itself', () => {
  const text = serialize({ a: { b: 'x' }, c: [1, 2] }, { order: 0, space: 'pretty' });
  const d = (pointer: string, line: number, column: number, params: Record<string, unknown> = {}): Diagnostic => ({
    rule: 'r',
    level: 'MUST',
    severity: 'error',
    file: 'f',
    pointer,
    line,
    column,
    message: 'm',
    params,
  });

  it('accepts a finding at its value, at its key, and a missing member at its parent', () => {
    expect(checkPositions(text, [d('/a/b', 3, 10), d('/a/b', 3, 5), d('/a/zz', 2, 8), d('/c/1', 7, 5)])).toEqual([]);
  });

  it('catches a pointer that does not resolve and a position elsewhere (the shape of issue 13’s "Wrong position")', () => {
    expect(checkPositions(text, [d('/a/b/c/d', 2, 8)])[0]).toMatch(/does not resolve/);
    expect(checkPositions(text, [d('/a/b', 6, 3)])[0]).toMatch(/is not at 6:3/);
    // a shadowed finding placed at the later duplicate key instead of in the shadowed value
    const dup = '{"a": {"b": 1},\n "a": {}}';
    expect(checkPositions(dup, [d('/a/b', 2, 2, { shadowed: { member: '/a', by: '2:2' } })])).toHaveLength(1);
    expect(checkPositions(dup, [d('/a/b', 1, 13, { shadowed: { member: '/a', by: '2:2' } })])).toEqual([]);
  });
});
