import { trappedSignalCase } from './_lib/ops.js';

/** `kill <id> USR1` delivers SIGUSR1 to the container process: the program traps it, prints a marker and exits, so the container stops by itself. */
export default trappedSignalCase({
  id: 'lifecycle.kill.delivers-signal',
  title: 'kill sends the named signal to the container process',
  signal: 'USR1',
  trap: 'USR1',
  marker: 'got-usr1',
});
