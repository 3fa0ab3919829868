/**
 * A state document, as a runtime printed it (or handed it to a hook), checked
 * by our own validator (validators/document.ts) as kind 'state': the errors
 * at MUST level, one line each ("/pid: pid is missing ..."), empty when the
 * document is valid. The version is the one the document declares.
 */
import { validateDocument } from '../../../validators/document.js';

export async function stateErrors(text: string, name = 'state.json'): Promise<string[]> {
  try {
    const r = await validateDocument(name, text, { kind: 'state' });
    return r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.pointer || '/'}: ${d.message} [${d.rule}]`);
  } catch (e) {
    return [`not checkable: ${(e as Error).message}`];
  }
}
