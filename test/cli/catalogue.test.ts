/** `npm run catalogue` through its main(argv, io): the table, --help, a usage error. */
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/catalogue.js';
import { memoryIo } from './helpers.js';

describe('catalogue main()', () => {
  it('prints the coverage table with a total row, exit 0', async () => {
    const io = memoryIo();
    expect(await main([], io)).toBe(0);
    expect(io.said.out).toMatch(/^spec +document +total +MUST +SHOULD +static +behav\. +untestable +unchecked$/m);
    expect(io.said.out).toMatch(/^all +\d+ +\d+/m);
    expect(io.said.err).toBe('');
  });

  it('--help and a stray argument', async () => {
    const help = memoryIo();
    expect(await main(['--help'], help)).toBe(0);
    expect(help.said.out).toMatch(/^Usage: npm run catalogue/);
    const stray = memoryIo();
    expect(await main(['runtime'], stray)).toBe(2);
    expect(stray.said.err).toBe('catalogue: unexpected argument runtime (see --help)\n');
  });
});
