import { describe, expect, it } from 'vitest';
import { truthfulStatuses } from '../../../suites/hooks/_lib/checks.js';
import { parseLog } from '../../../suites/hooks/_lib/rig.js';

const line = (label: string, proc: string): string => ['hook', label, 'mnt:[1]', 'pid:[2]', 'sh', '', proc, 'args'].join('\t');

describe('the status that was true when a hook ran', () => {
  it('is created while state.pid still runs the runtime init (poststart run by create)', () => {
    expect(truthfulStatuses(parseLog(`${line('poststart', 'runcinit')}\n@created\n@program\n@started\n`), 'poststart')).toEqual(['creating', 'created']);
  });

  it('is running once state.pid runs the user program', () => {
    expect(truthfulStatuses(parseLog(`@created\n@program\n${line('poststart', '/bin/sh-cecho @program')}\n@started\n`), 'poststart')).toEqual(['running']);
    expect(truthfulStatuses(parseLog(`@created\n${line('poststart', 'sleep600')}\n@started\n`), 'poststart')).toEqual(['running']);
  });

  it('falls back on when the hook ran when it could not see state.pid', () => {
    expect(truthfulStatuses(parseLog(`${line('poststart', '')}\n@created\n`), 'poststart')).toEqual(['creating', 'created']);
    expect(truthfulStatuses(parseLog(`@created\n${line('poststart', '')}\n@started\n`), 'poststart')).toEqual(['running']);
  });
});
