/**
 * The baseline gate with real runc (needs `npm run build`): an expectation that
 * names its requirement does not hide a violation of another requirement in the
 * same case. runc's `delete` of a created container breaks two requirements
 * (it succeeds, and it kills the container); a baseline naming one of them
 * leaves the other unexpected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removeTree } from '../../harness/cleanup.js';
import { runCli, makeRunDir } from './conform/leftovers.js';

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => ({ dir, env } = await makeRunDir('oci-conform-exp-e2e-')));
afterAll(async () => {
  await removeTree(dir);
});

const ID = 'lifecycle.ops.delete.created';

describe('expectations that name the deviation', () => {
  it('naming one of two violated requirements is unexpected, with the new one named; naming both matches', async () => {
    const one = join(dir, 'one.json');
    const both = join(dir, 'both.json');
    const reason = 'runc deletes a created container';
    await writeFile(one, JSON.stringify({ runtime: 'runc', expectations: { [ID]: { status: 'fail', requirement: 'RT-DELETE-NOT-STOPPED-ERROR', reason } } }));
    await writeFile(both, JSON.stringify({ runtime: 'runc', expectations: { [ID]: { status: 'fail', requirement: ['RT-DELETE-NOT-STOPPED-ERROR', 'RT-DELETE-NOT-STOPPED-NO-EFFECT'], reason } } }));
    const json = join(dir, 'one-report.json');
    const bad = await runCli(['--runtime', '/usr/bin/runc', '--only', ID, '--expectations', one, '--reporter', `json=${json}`, '--reporter', 'console'], { env });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(new RegExp(`^unexpected: ${ID.replace(/\./g, '\\.')} is fail with a violation the baseline does not name: RT-DELETE-NOT-STOPPED-NO-EFFECT: `, 'm'));
    const doc = JSON.parse(await readFile(json, 'utf8'));
    expect(doc.summary.expectations.unexpected).toEqual([
      { id: ID, expected: 'fail', actual: 'fail', new: [{ requirement: 'RT-DELETE-NOT-STOPPED-NO-EFFECT', message: expect.any(String) }] },
    ]);
    const good = await runCli(['--runtime', '/usr/bin/runc', '--only', ID, '--expectations', both, '--reporter', 'console'], { env });
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('matches baseline');
  });
});
