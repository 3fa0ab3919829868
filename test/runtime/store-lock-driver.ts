/**
 * A second process for store.test.ts's lock cases: `hold ROOT ID` locks the
 * container, says "locked", and on a line from stdin releases (`release`) or
 * removes the container and then releases (`remove`); `wait ROOT ID` says
 * "trying", locks (saying "waiting for PID" when a live command holds it), then
 * says "got" or "error: <message>".
 */
import { createInterface } from 'node:readline';
import { Store } from '../../runtime/store.js';

const [mode, root, id] = process.argv.slice(2);
const store = new Store(root!, (holder) => process.stdout.write(`waiting for ${holder}\n`));
if (mode === 'hold') {
  const lock = store.openLocked(id!);
  process.stdout.write('locked\n');
  const rl = createInterface({ input: process.stdin });
  rl.once('line', (line) => {
    if (line === 'remove') store.remove(id!);
    lock.release();
    process.stdout.write('released\n');
    rl.close();
  });
} else if (mode === 'wait') {
  process.stdout.write('trying\n');
  try {
    const lock = store.openLocked(id!);
    process.stdout.write(`got ${lock.record.id}\n`);
    lock.release();
    process.stdout.write('released\n');
  } catch (e) {
    process.stdout.write(`error: ${(e as Error).message}\n`);
  }
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
