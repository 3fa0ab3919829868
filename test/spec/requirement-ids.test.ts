/**
 * The generated RequirementId union (spec/generated/requirement-ids.ts) and
 * the catalogue can't drift apart: this fails until `npm run ids` is run. The
 * type-level half (an unknown id is a compile error wherever ids are cited) is
 * the @ts-expect-error lines below and in test/validators/citations-typed.test.ts,
 * checked by `npm run typecheck`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { CATALOGUE } from '../../spec/catalogue.js';
import type { RequirementId } from '../../spec/types.js';
import { REQUIREMENT_IDS_FILE, renderRequirementIds } from '../../scripts/requirement-ids.js';

describe('RequirementId', () => {
  it('is checked in as the catalogue yields it (run `npm run ids` after editing spec/)', () => {
    expect(readFileSync(REQUIREMENT_IDS_FILE, 'utf8')).toBe(renderRequirementIds());
  });

  it('lists every catalogue id once', () => {
    const text = renderRequirementIds();
    const listed = [...text.matchAll(/^ {2}\| '([^']+)';?$/gm)].map((m) => m[1]);
    expect(listed.slice().sort()).toEqual(CATALOGUE.map((r) => r.id).sort());
  });

  it('notices a catalogue entry that the checked-in file lacks', () => {
    const extra = { ...CATALOGUE[0]!, id: 'RT-NOT-IN-THE-FILE' };
    expect(renderRequirementIds([...CATALOGUE, extra])).not.toBe(readFileSync(REQUIREMENT_IDS_FILE, 'utf8'));
  });

  it('takes catalogue ids and only those', () => {
    expectTypeOf<'CFG-PROCESS-CWD-ABSOLUTE'>().toExtend<RequirementId>();
    expectTypeOf<'CLI-CREATE-PID-FILE'>().toExtend<RequirementId>();
    // @ts-expect-error -- no catalogue entry defines it (the canary's old id)
    expectTypeOf<'RT-LIFECYCLE-CANARY'>().toExtend<RequirementId>();
    expectTypeOf<string>().not.toExtend<RequirementId>();
  });
});
