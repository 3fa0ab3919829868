import { defineCase, HOLD, readEnviron, startHeld } from '../case.js';

/** NAME=value entries as a map from name to value (a later entry of the same name wins, as getenv sees it). */
function byName(entries: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries) {
    const i = e.indexOf('=');
    if (i > 0) out[e.slice(0, i)] = e.slice(i + 1);
  }
  return out;
}

/**
 * process.env has environ semantics: every configured entry must be in the
 * environment of the process with its value (the MUST). The text never
 * forbids a runtime to add variables of its own (runc adds HOME), so each
 * added variable is one SHOULD-level violation of our reading, its `path` the
 * variable's name: a baseline can name HOME and still see a second addition.
 */
export default defineCase({
  id: 'process.env.exact',
  title: 'the environ of the container process holds process.env, and (a warning) nothing the runtime added',
  requirements: ['CFG-PROCESS-ENV-APPLIED', 'CFG-PROCESS-ENV-NO-ADDITIONS'],
  config: (c) => c.withScript(HOLD).withEnv('H8_ONLY=this'),
  run: async (ctx) => {
    const pid = await startHeld(ctx);
    const configured = byName((ctx.config.process as { env: string[] }).env);
    const seen = byName(await readEnviron(pid));
    ctx.expectMatch('CFG-PROCESS-ENV-APPLIED', 'environ', configured, seen);
    const added = Object.fromEntries(Object.keys(seen).filter((k) => !(k in configured)).map((k) => [k, null]));
    ctx.expectMatch('CFG-PROCESS-ENV-NO-ADDITIONS', 'environ', added, Object.fromEntries(Object.keys(added).map((k) => [k, seen[k]])));
  },
});
