import { describe, expect, it } from 'vitest';
import { inForce, listProblem } from '../../../../validators/rules/linux/util.js';

describe('linux rule helpers', () => {
  it.each([
    ['0', undefined],
    ['0-3,7', undefined],
    ['0-15:2/4,31', undefined],
    ['', undefined],
    ['0-3;7', 'neither'],
    ['3-1', 'backwards'],
    ['0,,1', 'neither'],
    ['a-b', 'neither'],
    [' 0', 'neither'],
  ])('reads the cpu/node list %j', (text, problem) => {
    const why = listProblem(text);
    if (problem === undefined) expect(why).toBeUndefined();
    else expect(why).toContain(problem);
  });

  it('puts requirements in force from their since to their until', () => {
    expect(inForce('LNX-NS-PATH-ABSOLUTE', '1.0.0')).toBe(false);
    expect(inForce('LNX-NS-PATH-ABSOLUTE', '1.0.1')).toBe(true);
    expect(inForce('LNX-PIDS-LIMIT-REQUIRED', '1.2.1')).toBe(true);
    expect(inForce('LNX-PIDS-LIMIT-REQUIRED', '1.3.0')).toBe(false);
    // @ts-expect-error -- not a catalogue id: the type refuses it; at run time it is never in force
    expect(inForce('LNX-NO-SUCH-ID', '1.3.0')).toBe(false);
  });
});
