/**
 * The walker's findings against what document validation already said: a repeat
 * (same requirement, same pointer) is dropped, but not when the document's
 * finding is about a value shadowed by a later duplicate key, which is another
 * value than the one the walker read at that pointer.
 */
import { describe, expect, it } from 'vitest';
import { Findings } from '../../../validators/image/findings.js';
import type { Diagnostic } from '../../../validators/diagnostic.js';

const doc = (params: Record<string, unknown>): Diagnostic => ({
  rule: 'schema.type',
  requirement: 'IMG-LAYOUT-OCI-LAYOUT-VERSION',
  level: 'MUST',
  severity: 'error',
  file: 'oci-layout',
  pointer: '',
  line: 1,
  column: 1,
  message: 'from the document',
  params,
});

function walkAfter(d: Diagnostic): string[] {
  const f = new Findings('1.1.0', 'SHOULD');
  f.addDiagnostics('oci-layout', [d]);
  f.add('oci-layout', { rule: 'layout.oci-layout.no-version', message: 'from the walk' });
  return f.results()[0]!.diagnostics.map((x) => x.message);
}

describe('Findings', () => {
  it('drops a walk finding the document validation already made (same requirement and pointer)', () => {
    expect(walkAfter(doc({}))).toEqual(['from the document']);
  });
  it('keeps it when the document finding is about a shadowed value', () => {
    expect(walkAfter(doc({ shadowed: { member: 'imageLayoutVersion', by: '/imageLayoutVersion' } }))).toEqual(['from the document', 'from the walk']);
  });
});
