/** A container ID is never the empty string (nor only blanks): nothing could name the container. */
import { defineRule } from '../rule.js';
import { asString, prop } from '../../json/values.js';

export default defineRule({
  id: 'state.id-non-empty',
  requirements: ['RT-STATE-ID-REQUIRED'],
  appliesTo: ['state'],
  *check(doc) {
    const id = asString(prop(doc, 'id'));
    if (id === undefined || id.trim() !== '') return;
    yield {
      pointer: '/id',
      message: `id ${JSON.stringify(id)} is empty; a state names its container by a non-empty ID`,
      params: { value: id },
    };
  },
});
