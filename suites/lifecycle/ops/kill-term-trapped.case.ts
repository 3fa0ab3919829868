import { trappedSignalCase } from '../_lib/ops.js';

/** kill with no signal named is up to the runtime, so this case names SIGTERM and checks the program's trap saw exactly that signal. */
export default trappedSignalCase({
  id: 'lifecycle.ops.kill.term-trapped',
  title: 'kill SIGTERM reaches the program, which handles it and exits',
  signal: 'SIGTERM',
  trap: 'TERM',
  marker: 'got-term',
});
