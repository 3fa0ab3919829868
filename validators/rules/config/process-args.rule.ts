/**
 * process.args: at least one entry. Up to 1.0.1 on every platform (the schema
 * also requires the field then); from 1.0.2 Windows may leave args out when it
 * gives commandLine instead, and every other platform still needs args.
 */
import { defineRule } from '../rule.js';
import { isObject, prop } from '../../json/values.js';
import { inForce, isWindows } from './platform.js';

export default defineRule({
  id: 'config.process.args',
  requirements: ['CFG-PROCESS-ARGS-REQUIRED', 'CFG-PROCESS-ARGS-NONEMPTY', 'CFG-PROCESS-COMMANDLINE-OR-ARGS'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    const process = prop(doc, 'process');
    if (!isObject(process)) return;
    const args = prop(process, 'args');
    const newer = inForce(ctx, '1.0.2');
    const windows = isWindows(doc);
    if (args === undefined) {
      if (!newer) return; // the schema's required list reports it
      if (!windows)
        yield { pointer: '/process/args', requirement: 'CFG-PROCESS-ARGS-REQUIRED', message: "required property 'args' is missing: the process needs a program to run" };
      else if (typeof prop(process, 'commandLine') !== 'string')
        yield {
          pointer: '/process/commandLine',
          requirement: 'CFG-PROCESS-COMMANDLINE-OR-ARGS',
          message: 'a Windows process needs commandLine when it has no args',
        };
      return;
    }
    if (!Array.isArray(args) || args.length > 0) return;
    if (!(newer && windows))
      yield { pointer: '/process/args', requirement: 'CFG-PROCESS-ARGS-NONEMPTY', message: 'process.args is empty; its first entry names the program to run' };
    else if (typeof prop(process, 'commandLine') !== 'string')
      // an empty args gives Windows nothing to run either
      yield { pointer: '/process/commandLine', requirement: 'CFG-PROCESS-COMMANDLINE-OR-ARGS', message: 'a Windows process needs commandLine when its args is empty' };
  },
});
