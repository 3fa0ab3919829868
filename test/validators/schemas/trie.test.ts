import { describe, expect, it } from 'vitest';
import { buildTrie, child, lookup, walkProperties } from '../../../validators/schemas/trie.js';
import type { JsonValue } from '../../../validators/json/parse.js';

const trie = buildTrie(
  { '/hooks': '1.0.0', '/hooks/createRuntime': '1.0.2', '/mounts/*/uidMappings': '1.1.0' },
  { '/process/rlimits/*/hard': 'uint64', '/linux/resources/cpu/quota': 'int64' },
  { '': ['ociVersion', 'process', 'mounts', 'a/b~c'], '/process': ['cwd', 'rlimits'], '/annotations/*': [] },
);

describe('buildTrie', () => {
  it('puts since and int on the nodes of their patterns', () => {
    expect(lookup(trie, '/hooks/createRuntime')?.since).toBe('1.0.2');
    expect(lookup(trie, '/mounts/7/uidMappings')?.since).toBe('1.1.0');
    expect(lookup(trie, '/process/rlimits/0/hard')?.int).toBe('uint64');
    expect(lookup(trie, '/linux/resources/cpu/quota')?.int).toBe('int64');
  });

  it('gives every known property a node, unescaping ~0 and ~1', () => {
    expect(lookup(trie, '')?.known).toEqual(['ociVersion', 'process', 'mounts', 'a/b~c']);
    expect(child(trie, 'a/b~c')).toBeDefined();
    expect(lookup(trie, '/a~1b~0c')).toBeDefined();
    expect(lookup(trie, '/process/cwd')).toBeDefined();
    expect(lookup(trie, '/process/nope')).toBeUndefined();
  });

  it('prefers an exact token over the wildcard', () => {
    const t = buildTrie({ '/m/*': '1.0.0', '/m/special': '1.2.0' }, {}, {});
    expect(lookup(t, '/m/special')?.since).toBe('1.2.0');
    expect(lookup(t, '/m/other')?.since).toBe('1.0.0');
  });

  it('never answers from Object.prototype, also for __proto__ and constructor tokens', () => {
    expect(child(trie, 'constructor')).toBeUndefined();
    expect(child(trie, 'toString')).toBeUndefined();
    const t = buildTrie({ '/__proto__': '1.1.0' }, {}, {});
    expect(child(t, '__proto__')?.since).toBe('1.1.0');
    expect(Object.getPrototypeOf(t)).toBe(Object.prototype); // the prototype itself was not replaced
  });

  it('answers the same after a JSON round trip, which is how the build ships it', () => {
    const shipped = JSON.parse(JSON.stringify(buildTrie({ '/__proto__': '1.1.0', '/x/*': '1.0.0' }, {}, { '': ['x'] })));
    expect(child(shipped, '__proto__')?.since).toBe('1.1.0');
    expect(child(shipped, 'constructor')).toBeUndefined();
    expect(lookup(shipped, '/x/3')?.since).toBe('1.0.0');
  });
});

describe('walkProperties', () => {
  it('visits every property with its node and enters only places the trie has', () => {
    const doc = { ociVersion: '1.0.0', process: { cwd: '/', extra: { deep: 1 } }, annotations: { k: 'v' }, mounts: [{ uidMappings: [] }] } as JsonValue;
    const seen: Array<[string, boolean]> = [];
    walkProperties(doc, trie, ({ pointer, node }) => {
      seen.push([pointer, node !== undefined]);
      return true;
    });
    expect(seen).toEqual([
      ['/ociVersion', true],
      ['/process', true],
      ['/process/cwd', true],
      ['/process/extra', false],
      ['/annotations', true],
      ['/annotations/k', true],
      ['/mounts', true],
      ['/mounts/0/uidMappings', true],
    ]);
  });

  it('follows array items along the wildcard', () => {
    const t = buildTrie({ '/mounts/*/uidMappings': '1.1.0' }, {}, {});
    const hits: string[] = [];
    walkProperties({ mounts: [{ uidMappings: [] }, { uidMappings: [] }] } as JsonValue, t, ({ pointer, node }) => {
      if (node?.since) hits.push(pointer);
      return true;
    });
    expect(hits).toEqual(['/mounts/0/uidMappings', '/mounts/1/uidMappings']);
  });
});
