/** execCPUAffinity.initial and .final are CPU lists: "0-3,7" (ranges ascending); final may be empty. */
import { defineRule } from '../rule.js';
import { asString, at } from '../../json/values.js';

const CPU_LIST = /^\d+(-\d+)?(,\d+(-\d+)?)*$/;

/** Why a CPU list is malformed, or undefined when it is fine. Blanks around the separators are tolerated. */
export function cpuListProblem(text: string): string | undefined {
  const s = text.trim().replace(/ *([,-]) */g, '$1');
  if (!CPU_LIST.test(s)) return 'not a comma-separated list of CPU numbers and ranges';
  for (const part of s.split(',')) {
    const [a, b] = part.split('-').map(Number);
    if (b !== undefined && b < a!) return `range ${part} runs backwards`;
  }
  return undefined;
}

export default defineRule({
  id: 'config.process.exec-cpu-affinity-format',
  requirements: ['CFG-VALID-VALUES-ERROR'],
  appliesTo: ['config'],
  *check(doc) {
    for (const k of ['initial', 'final'] as const) {
      const v = asString(at(doc, 'process', 'execCPUAffinity', k));
      if (v === undefined || (k === 'final' && v === '')) continue;
      const problem = cpuListProblem(v);
      if (problem)
        yield {
          pointer: `/process/execCPUAffinity/${k}`,
          message: `execCPUAffinity.${k} ${JSON.stringify(v)}: ${problem} (e.g. "0-3,7")`,
          params: { value: v },
        };
    }
  },
});
