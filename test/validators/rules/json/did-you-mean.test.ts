import { describe, expect, it } from 'vitest';
import rule, { editDistance, nearest } from '../../../../validators/rules/json/did-you-mean.rule.js';
import { mapOf, obj, str } from '../../../../validators/schemas/dsl.js';
import { runRule } from './helpers.js';

const schema = obj({ hostname: str(), process: obj({ cwd: str(), noNewPrivileges: str() }), annotations: mapOf(str()) });

describe('json.did-you-mean', () => {
  it('hints at near misses of known keys, at info level', () => {
    const f = runRule(rule, '{"hostnme":"x","process":{"CWD":"/","noNewPrivilege":"y"}}', schema);
    expect(f.map((x) => [x.pointer, x.params?.suggestion, x.level])).toEqual([
      ['/hostnme', 'hostname', 'INFO'],
      ['/process/CWD', 'cwd', 'INFO'],
      ['/process/noNewPrivilege', 'noNewPrivileges', 'INFO'],
    ]);
  });

  it('says nothing about keys of free-form maps, far-off keys, or when the right key is there too', () => {
    expect(runRule(rule, '{"annotations":{"hostnme":"x"},"completely":1,"hostname":"a","Hostname":"b"}', schema)).toEqual([]);
  });

  it('measures edits with adjacent swaps as one', () => {
    expect(editDistance('hostanme', 'hostname')).toBe(1);
    expect(editDistance('abc', 'xyz', 2)).toBe(3);
    expect(nearest('rot', ['root'])).toBeUndefined();
  });
});
