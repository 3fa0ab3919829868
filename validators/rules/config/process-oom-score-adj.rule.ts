/** The kernel takes oom_score_adj from -1000 to 1000; anything else can't be applied. */
import { defineRule } from '../rule.js';
import { asNumber, at } from '../../json/values.js';
import { isLinux } from './platform.js';

export default defineRule({
  id: 'config.process.oom-score-adj-range',
  requirements: ['CFG-VALID-VALUES-ERROR'],
  appliesTo: ['config'],
  *check(doc) {
    const v = asNumber(at(doc, 'process', 'oomScoreAdj'));
    if (v === undefined || !Number.isInteger(v) || !isLinux(doc) || (v >= -1000 && v <= 1000)) return;
    yield {
      pointer: '/process/oomScoreAdj',
      message: `oomScoreAdj ${v} is outside the kernel's range -1000 to 1000`,
      params: { value: v },
    };
  },
});
