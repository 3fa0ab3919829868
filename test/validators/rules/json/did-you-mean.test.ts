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
      // noNewPrivileges is one of the keys whose absence weakens the container: a warning
      ['/process/noNewPrivilege', 'noNewPrivileges', 'SHOULD'],
    ]);
  });

  it('warns on a near miss of a key whose absence weakens isolation, citing the MUST that makes runtimes ignore it', () => {
    const s = obj({ linux: obj({ namespaces: str(), maskedPaths: str(), sysctl: str() }), process: obj({ cwd: str() }) });
    const f = runRule(rule, '{"linux":{"namespace":[],"maskedPath":[],"sysctls":{}},"process":{"Cwd":"/"}}', s);
    expect(f.map((x) => [x.pointer, x.level, x.requirement])).toEqual([
      ['/linux/namespace', 'SHOULD', 'CFG-EXTENSIBILITY-IGNORE'],
      ['/linux/maskedPath', 'SHOULD', 'CFG-EXTENSIBILITY-IGNORE'],
      ['/linux/sysctls', 'INFO', undefined],
      ['/process/Cwd', 'INFO', undefined],
    ]);
  });

  it('keeps the warning to runtime configs: the same near miss elsewhere is a hint', () => {
    const s = obj({ linux: obj({ namespaces: str() }) });
    expect(runRule(rule, '{"linux":{"namespace":[]}}', s, '1.1.0', 'features').map((x) => x.level)).toEqual(['INFO']);
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
