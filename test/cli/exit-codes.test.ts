/** One code -> exit-status table (core/errors.ts), the same statuses in both --help texts and in docs/INTERPRETING.md. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, EXIT, OciError, exitOf } from '../../core/errors.js';
import { VALIDATE_CLI } from '../../cli/oci-validate.js';
import { CONFORM_CLI } from '../../cli/conform-options.js';

const ROOT = join(import.meta.dirname, '..', '..');
const interpreting = readFileSync(join(ROOT, 'docs/INTERPRETING.md'), 'utf8');

/** The rows of the exit-code table in INTERPRETING.md: status -> [oci-validate, oci-conform]. */
function documented(): Map<string, [string, string]> {
  const section = interpreting.slice(interpreting.indexOf('## Exit codes'));
  const rows = new Map<string, [string, string]>();
  for (const m of section.matchAll(/^\| ([\d /]+) \| (.+?) \| (.+?) \|$/gm)) rows.set(m[1]!.replace(/ /g, ''), [m[2]!, m[3]!]);
  return rows;
}

describe('exit statuses', () => {
  it('an internal error is 4 in both tools, and every status is a distinct number', () => {
    expect(EXIT.internal).toBe(4);
    expect(exitOf('OCI_INTERNAL')).toBe(4);
    expect(exitOf('OCI_CONFORM_INTERNAL')).toBe(4);
    expect(new Set(Object.values(EXIT)).size).toBe(Object.values(EXIT).length);
  });

  it('every error code maps to a documented status, and its error carries it', () => {
    const statuses = new Set<number>(Object.values(EXIT));
    for (const code of ERROR_CODES) {
      expect(statuses.has(exitOf(code)), code).toBe(true);
      expect(new OciError(code, 'm').exitCode, code).toBe(exitOf(code));
    }
    expect(exitOf('OCI_USAGE')).toBe(2);
    expect(exitOf('OCI_CONFORM_USAGE')).toBe(2);
    expect(exitOf('OCI_CONFORM_NOT_ROOT')).toBe(3);
    expect(exitOf('OCI_CONFORM_CANARY_RUNTIME_FAILED')).toBe(1);
  });

  it("INTERPRETING.md's table has a row for every status, and each tool's --help lists exactly the statuses used there", () => {
    const rows = documented();
    expect([...rows.keys()]).toEqual(['0', '1', '2', '3', '4', '130/143']);
    for (const [i, spec] of [VALIDATE_CLI, CONFORM_CLI].entries()) {
      const used = [...rows].filter(([, cols]) => cols[i] !== '(not used)').map(([s]) => s);
      expect(spec.exits.map(([s]) => s), spec.tool).toEqual(used);
    }
  });

  it('the README says 4 too', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/4 an internal error/);
  });
});
