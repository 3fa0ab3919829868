import { describe, expect, it } from 'vitest';
import { artifactOf, sarif } from '../../../reporters/validate/sarif.js';
import type { FormatOptions } from '../../../reporters/validate/format.js';
import type { Diagnostic } from '../../../validators/diagnostic.js';

const d = (file: string): Diagnostic => ({ rule: 'schema.type', level: 'MUST', severity: 'error', file, pointer: '/layers/0', line: 3, column: 5, message: 'm', params: {} });

describe('SARIF locations', () => {
  it('locates an archive member in its archive and names the member', () => {
    expect(artifactOf('img.tar:blobs/sha256/ab')).toEqual({ uri: 'img.tar', member: 'blobs/sha256/ab' });
    expect(artifactOf('dir/x.tar.gz:index.json')).toEqual({ uri: 'dir/x.tar.gz', member: 'index.json' });
    const out = JSON.parse(sarif([{ file: 'img.tar', kind: 'manifest', version: '1.1.1', diagnostics: [d('img.tar:blobs/sha256/ab')] }], { color: false, catalogue: undefined }));
    const loc = out.runs[0].results[0].locations[0];
    expect(loc.physicalLocation).toEqual({ artifactLocation: { uri: 'img.tar' } });
    expect(loc.logicalLocations[0]).toEqual({ fullyQualifiedName: 'blobs/sha256/ab', kind: 'module' });
    expect(out.runs[0].results[0].properties).toMatchObject({ file: 'img.tar:blobs/sha256/ab', line: 3, column: 5 });
  });

  it('writes plain paths as URI references with a region', () => {
    expect(artifactOf('a b/config.json').uri).toBe('a%20b/config.json');
    expect(artifactOf('/tmp/c.json').uri).toBe('file:///tmp/c.json');
    const out = JSON.parse(sarif([{ file: 'c.json', kind: 'config', version: '1.3.0', diagnostics: [d('c.json')] }], { color: false, catalogue: undefined }));
    expect(out.runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 3, startColumn: 5 });
  });

  it('describes a rule by the summary of its requirement in the catalogue it is given, else by its id', () => {
    const cited: Diagnostic = { ...d('c.json'), rule: 'config.oci-version', requirement: 'CFG-OCIVERSION-REQUIRED' };
    const catalogue = { requirement: (id: string) => (id === 'CFG-OCIVERSION-REQUIRED' ? { summary: 'the summary of CFG-OCIVERSION-REQUIRED' } : undefined) } as unknown as FormatOptions['catalogue'];
    const rules = (c: FormatOptions['catalogue']) =>
      JSON.parse(sarif([{ file: 'c.json', kind: 'config', version: '1.3.0', diagnostics: [cited] }], { color: false, catalogue: c })).runs[0].tool.driver.rules;
    expect(rules(catalogue)[0].shortDescription).toEqual({ text: 'the summary of CFG-OCIVERSION-REQUIRED' });
    expect(rules(undefined)[0].shortDescription).toEqual({ text: 'config.oci-version' });
  });

  it('describes a generic rule by what it checks, whatever requirement its first finding cites, and a rule whose findings cite several by its id', () => {
    const catalogue = { requirement: (id: string) => ({ summary: `the summary of ${id}` }) } as unknown as FormatOptions['catalogue'];
    const ns: Diagnostic = { ...d('c.json'), rule: 'schema.enum', requirement: 'LNX-NS-TYPE-VALID', reference: 'https://x/ns' };
    const sc: Diagnostic = { ...d('c.json'), rule: 'schema.enum', requirement: 'LNX-SECCOMP-DEFAULT-ACTION-REQUIRED', reference: 'https://x/seccomp' };
    const rules = (ds: Diagnostic[]) => JSON.parse(sarif([{ file: 'c.json', kind: 'config', version: '1.3.0', diagnostics: ds }], { color: false, catalogue })).runs[0].tool.driver.rules;
    expect(rules([ns, sc])).toHaveLength(1);
    expect(rules([ns, sc])[0]).toMatchObject({ id: 'schema.enum', shortDescription: { text: 'A value is not one of those the spec allows there.' } });
    expect(rules([ns, sc])[0].helpUri).toBeUndefined();
    expect(rules([sc, ns])).toEqual(rules([ns, sc]));
    expect(rules([{ ...ns, rule: 'schema.minProperties' }])[0].shortDescription.text).toBe("A value fails the keyword 'minProperties' of the spec's JSON Schema there.");
    const own = (x: Diagnostic): Diagnostic => ({ ...x, rule: 'config.x' });
    expect(rules([own(ns), own(sc)])).toEqual([
      {
        id: 'config.x',
        shortDescription: { text: 'config.x' },
        fullDescription: { text: expect.stringContaining('Findings of the rule config.x.') },
        help: { text: expect.stringContaining('Findings of the rule config.x.') },
      },
    ]);
    expect(rules([own(ns), own(ns)])).toEqual([
      {
        id: 'config.x',
        helpUri: 'https://x/ns',
        shortDescription: { text: 'the summary of LNX-NS-TYPE-VALID' },
        fullDescription: { text: 'the summary of LNX-NS-TYPE-VALID (LNX-NS-TYPE-VALID)' },
        help: { text: 'the summary of LNX-NS-TYPE-VALID (LNX-NS-TYPE-VALID): https://x/ns' },
      },
    ]);
  });
});
