/**
 * Citations are typed: an id no catalogue entry defines, a finding that cites
 * outside its rule's list, or one that a multi-requirement rule leaves without
 * a requirement does not compile. Each `@ts-expect-error` below is checked by
 * `npm run typecheck` (tsc fails on an expect-error that has no error), so the
 * guarantee itself is tested; the `it` blocks check the run-time half.
 */
import { describe, expect, it } from 'vitest';
import type { RequirementId } from '../../spec/types.js';
import type { Finding } from '../../validators/diagnostic.js';
import { defineRule, resolveFinding } from '../../validators/rules/rule.js';
import type { Rule } from '../../validators/rules/rule.js';
import type { Schema } from '../../validators/schemas/dsl.js';
import { obj, req, str } from '../../validators/schemas/dsl.js';
import type { WalkFinding } from '../../validators/image/findings.js';
import type { LayoutCheckId } from '../../validators/image/checks.js';
import { LAYOUT_CHECKS, layoutCheck } from '../../validators/image/checks.js';

const at = { pointer: '/x', message: 'm' } as const;

describe('typed citations', () => {
  it('takes only catalogue ids in rules, and in findings only the rule’s own', () => {
    const one = defineRule({
      id: 't.one',
      requirements: ['CFG-PROCESS-CWD-ABSOLUTE'],
      appliesTo: ['config'],
      *check() {
        yield { ...at }; // inherits CFG-PROCESS-CWD-ABSOLUTE
        yield { ...at, requirement: 'CFG-PROCESS-CWD-ABSOLUTE', level: 'INFO' };
        yield { ...at, requirement: null, level: 'INFO' };
      },
    });
    expect(one.requirements).toEqual(['CFG-PROCESS-CWD-ABSOLUTE']);

    // @ts-expect-error -- no catalogue entry has this id
    defineRule({ id: 't.unknown', requirements: ['CFG-PROCESS-CWD-ABSOLUT'], appliesTo: ['config'], check: () => [] });

    // @ts-expect-error -- a finding of a one-requirement rule cites another requirement
    defineRule({ id: 't.other', requirements: ['CFG-PROCESS-CWD-ABSOLUTE'], appliesTo: ['config'], *check() { yield { ...at, requirement: 'CFG-PROCESS-ARGS-REQUIRED' as const }; } });

    // @ts-expect-error -- a rule citing several must name one in each finding
    defineRule({ id: 't.several', requirements: ['CFG-PROCESS-ARGS-REQUIRED', 'CFG-PROCESS-ARGS-NONEMPTY'], appliesTo: ['config'], *check() { yield { ...at }; } });

    // @ts-expect-error -- citing none requires a level: nothing defaults to MUST
    defineRule({ id: 't.none', requirements: [], appliesTo: ['config'], *check() { yield { ...at, requirement: null }; } });

    // @ts-expect-error -- a finding that is not a rule's has a requirement or a level, never neither
    const bare: Finding = { rule: 'x', ...at };
    void bare;
  });

  it('takes only catalogue ids in schema annotations', () => {
    const ok: Schema = obj({ cwd: req('CFG-PROCESS-CWD-ABSOLUTE', str()) }, { requirement: 'CFG-PROCESS-REQUIRED-AT-START' });
    // @ts-expect-error -- no catalogue entry has this id
    const bad1: Schema = req('CFG-NOT-AN-ID', str());
    // @ts-expect-error -- no catalogue entry has this id
    const bad2: Schema = { type: 'string', 'x-requirement': 'CFG-NOT-AN-ID' };
    expect([ok, bad1, bad2].every((s) => typeof s === 'object')).toBe(true);
  });

  it('types the layout checks’ ids and what their findings cite', () => {
    const ids: LayoutCheckId[] = LAYOUT_CHECKS.map((c) => c.id);
    expect(ids).toContain('layout.blob.digest-mismatch');
    const fine: WalkFinding[] = [
      { rule: 'layout.blob.missing', message: 'inherits IMG-LAYOUT-MISSING-BLOB-EXTERNAL' },
      { rule: 'layout.blob.digest-mismatch', requirement: 'IMG-LAYOUT-BLOB-DIGEST-MATCH', message: 'names one of its two' },
      { rule: 'layout.symlink', message: 'cites nothing: the check’s level' },
    ];
    expect(fine).toHaveLength(3);
    // @ts-expect-error -- not a layout check
    const a: WalkFinding = { rule: 'layout.blob.nope', message: 'm' };
    // @ts-expect-error -- a check citing two requirements: the finding names one
    const b: WalkFinding = { rule: 'layout.blob.digest-mismatch', message: 'm' };
    // @ts-expect-error -- not one of the check's requirements
    const c: WalkFinding = { rule: 'layout.blob.missing', requirement: 'IMG-DESC-SIZE-REQUIRED', message: 'm' };
    expect([a, b, c]).toHaveLength(3);
  });

  it('gives every layout check that cites nothing a level of its own', () => {
    expect(LAYOUT_CHECKS.filter((ch) => ch.requirements.length === 0 && layoutCheck(ch.id).level === undefined).map((ch) => ch.id)).toEqual([]);
  });
});

describe('resolveFinding', () => {
  const rule = (requirements: readonly RequirementId[]): Rule => ({ id: 't.rule', requirements, appliesTo: ['config'], check: () => [] });

  it("gives a finding that names no requirement its rule's only one", () => {
    expect(resolveFinding(rule(['CFG-PROCESS-CWD-ABSOLUTE']), { ...at })).toEqual({ ...at, rule: 't.rule', requirement: 'CFG-PROCESS-CWD-ABSOLUTE' });
  });

  it('keeps an uncited finding uncited, at its own level', () => {
    expect(resolveFinding(rule(['CFG-PROCESS-CWD-ABSOLUTE']), { ...at, requirement: null, level: 'INFO' })).toEqual({ ...at, rule: 't.rule', level: 'INFO' });
  });

  it('refuses, rather than counting it a MUST, a finding of a rule citing several that names none', () => {
    expect(() => resolveFinding(rule(['CFG-PROCESS-ARGS-REQUIRED', 'CFG-PROCESS-ARGS-NONEMPTY']), { ...at })).toThrow(/names no requirement/);
    expect(() => resolveFinding(rule([]), { ...at })).toThrow(/names no requirement/);
  });
});
