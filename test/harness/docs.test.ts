import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigBuilder } from '../../fixtures/config.js';
import { ERROR_CODES } from '../../core/errors.js';
import { HOST_TERMS } from '../../harness/host-profile.js';

const root = join(import.meta.dirname, '..', '..');
const writing = readFileSync(join(root, 'docs/WRITING-CASES.md'), 'utf8');
const interpreting = readFileSync(join(root, 'docs/INTERPRETING.md'), 'utf8');

describe('docs hold live code', () => {
  it('the example case in WRITING-CASES.md is the real file, verbatim', () => {
    const block = /This is `(suites\/[^`]+)`, verbatim[^\n]*\n[^\n]*\n\n```ts\n([\s\S]*?)```/.exec(writing);
    expect(block).not.toBeNull();
    expect(block![2]).toBe(readFileSync(join(root, block![1]!), 'utf8'));
  });

  it('every config builder delta is documented', () => {
    const methods = Object.getOwnPropertyNames(ConfigBuilder.prototype).filter((m) => m.startsWith('with') || m === 'merge' || m === 'edit');
    expect(methods.length).toBeGreaterThan(30);
    for (const m of methods) expect(writing, m).toContain(`\`${m}`);
  });

  it('every inspection module named in WRITING-CASES.md exists', () => {
    const mods = [...writing.matchAll(/^\| `([a-z-]+\.ts)`/gm)].map((m) => m[1]!);
    expect(mods.length).toBeGreaterThan(6);
    for (const m of mods) expect(existsSync(join(root, 'harness/inspect', m)), m).toBe(true);
  });

  it('every host word of expectation files is in the table of INTERPRETING.md', () => {
    const table = /^\| word \| holds when \|\n((?:\|.*\n)+)/m.exec(interpreting)?.[1] ?? '';
    const words = [...table.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]);
    for (const t of Object.keys(HOST_TERMS)) expect(words, t).toContain(t);
  });

  it('every error code is documented in INTERPRETING.md', () => {
    for (const c of ERROR_CODES) expect(interpreting, c).toContain(c);
  });
});
