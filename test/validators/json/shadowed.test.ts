/**
 * Values shadowed by a later duplicate key (issue 13, "Wrong position"): the duplicate is an error at the
 * repeated key; the last value is the document's (as JSON.parse reads it); each shadowed value is validated
 * too, its findings placed at its own text with a pointer that resolves in the reading that holds it and
 * marked `params.shadowed` (docs/INTERPRETING.md, "Duplicate keys").
 */
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../validators/document.js';
import { MAX_SHADOW_READINGS, parseJson } from '../../../validators/json/parse.js';
import { resolvePointer } from '../../../validators/json/pointer.js';
import { LineIndex } from '../../../validators/json/position.js';

/** line:column of the n-th (0-based) occurrence of `needle` in `text`. */
function at(text: string, needle: string, n = 0): string {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`${needle} #${n} not in the text`);
  const p = new LineIndex(text).position(i);
  return `${p.line}:${p.column}`;
}

const CONFIG = (process: string, again: string): string =>
  `{\n  "ociVersion": "1.2.0",\n  "root": {"path": "rootfs"},\n  "process": ${process},\n  "process": ${again}\n}`;
const GOOD_PROCESS = '{"cwd": "/", "args": ["sh"], "user": {"uid": 0, "gid": 0}}';

describe('parseJson: readings with the shadowed values', () => {
  it('has none without duplicates, and one per extra repeat of a key', () => {
    expect(parseJson('{"a":{"b":1}}').shadowReadings()).toEqual([]);
    const p = parseJson('{"a":1,"b":{"c":2,"c":3},"a":4,"a":5}');
    expect(p.value).toEqual({ a: 5, b: { c: 3 } });
    const r = p.shadowReadings();
    expect(r.map((x) => x.value)).toEqual([
      { a: 1, b: { c: 2 } },
      { a: 4, b: { c: 3 } },
    ]);
    expect(r[0]!.substituted.map((s) => s.pointer)).toEqual(['/a', '/b/c']);
    expect(r[1]!.substituted.map((s) => s.pointer)).toEqual(['/a']);
    // offsets follow each reading
    expect(r[0]!.valueAt.get('/b/c')).toBe(p.text.indexOf('2'));
    expect(r[1]!.valueAt.get('/a')).toBe(p.text.indexOf('4'));
    expect(p.valueAt.get('/a')).toBe(p.text.indexOf('5'));
  });

  it('lists the duplicates and big numbers of each reading where that reading holds them', () => {
    const text = '{"x":{"n":18446744073709551616,"k":1,"k":2},"x":{"n":1}}';
    const p = parseJson(text);
    expect(p.duplicates).toEqual([{ pointer: '/x', first: 1, again: text.lastIndexOf('"x"') }]);
    expect(p.bigNumbers).toEqual([]);
    const [r0] = p.shadowReadings();
    expect(r0!.bigNumbers).toEqual([{ pointer: '/x/n', raw: '18446744073709551616' }]);
    expect(r0!.duplicates).toEqual([{ pointer: '/x/k', first: text.indexOf('"k"'), again: text.lastIndexOf('"k"') }, { pointer: '/x', first: 1, again: text.lastIndexOf('"x"') }]);
  });

  it(`reads at most ${MAX_SHADOW_READINGS} readings however often a key repeats`, () => {
    const text = `{${Array.from({ length: 50 }, (_, i) => `"a":${i}`).join(',')}}`;
    const p = parseJson(text);
    expect(p.duplicates).toHaveLength(49);
    expect(p.shadowReadings().map((r) => r.value)).toEqual([0, 1, 2, 3].slice(0, MAX_SHADOW_READINGS).map((a) => ({ a })));
  });
});

describe('validateDocument: findings in a shadowed value', () => {
  it('an invalid shadowed value is reported at its own place, marked shadowed; the duplicate at the later key', async () => {
    const text = CONFIG('{"cwd": "relative", "args": ["sh"], "user": {"uid": 0, "gid": 0}}', GOOD_PROCESS);
    const r = await validateDocument('c.json', text, { kind: 'config' });
    const ds = r.diagnostics.map((d) => ({ rule: d.rule, pointer: d.pointer, at: `${d.line}:${d.column}`, shadowed: d.params.shadowed }));
    expect(ds).toEqual([
      { rule: 'json.duplicate-key', pointer: '/process', at: at(text, '"process"', 1), shadowed: undefined },
      { rule: 'config.process.cwd-absolute', pointer: '/process/cwd', at: at(text, '"relative"'), shadowed: { member: '/process', by: at(text, '"process"', 1) } },
    ]);
    expect(r.diagnostics[1]!.message).toMatch(/shadows/);
  });

  it('the later value is the document: its findings have pointers that resolve and point at it', async () => {
    const text = CONFIG(GOOD_PROCESS, '{"cwd": "relative", "args": ["sh"], "user": {"uid": 0, "gid": 0}}');
    const r = await validateDocument('c.json', text, { kind: 'config' });
    const cwd = r.diagnostics.find((d) => d.rule === 'config.process.cwd-absolute')!;
    expect(cwd.params.shadowed).toBeUndefined();
    expect(`${cwd.line}:${cwd.column}`).toBe(at(text, '"relative"'));
    expect(resolvePointer(parseJson(text).value, cwd.pointer)).toBe('relative');
  });

  it('a schema finding in a shadowed value is at that value; a missing member at the shadowed object', async () => {
    const text = CONFIG('{"cwd": 7, "user": {"uid": 0, "gid": 0}}', GOOD_PROCESS);
    const r = await validateDocument('c.json', text, { kind: 'config' });
    const shadowed = r.diagnostics.filter((d) => d.params.shadowed).map((d) => `${d.rule} ${d.pointer} ${d.line}:${d.column}`);
    expect(shadowed).toContain(`schema.type /process/cwd ${at(text, '7')}`);
    // args is required: the finding names the missing member and stands at the shadowed object that lacks it
    expect(shadowed).toContain(`config.process.args /process/args ${at(text, '{"cwd": 7')}`);
  });

  it('a duplicate inside a shadowed value is placed at its own repeated key, not at the later outer key', async () => {
    const text = '{\n"schemaVersion": 2,\n"manifests": [],\n"annotations": {"org.a": "1", "org.a": "2"},\n"annotations": {}\n}';
    const r = await validateDocument('i.json', text, { kind: 'index' });
    const dup = r.diagnostics.filter((d) => d.rule === 'json.duplicate-key').map((d) => `${d.pointer} ${d.line}:${d.column} ${d.params.shadowed ? 'shadowed' : ''}`);
    expect(dup).toEqual([`/annotations ${at(text, '"annotations"', 1)} `, `/annotations/org.a ${at(text, '"org.a"', 1)} shadowed`]);
  });

  it('a repeated key three times: each duplicate at its own repeat, each earlier value checked', async () => {
    const text = '{"schemaVersion": 2, "manifests": [], "mediaType": 1, "mediaType": true, "mediaType": "application/vnd.oci.image.index.v1+json"}';
    const r = await validateDocument('i.json', text, { kind: 'index' });
    const ds = r.diagnostics.map((d) => `${d.rule} ${d.pointer} ${d.column}${d.params.shadowed ? ' shadowed' : ''}`);
    expect(ds).toEqual([
      `json.duplicate-key /mediaType ${text.indexOf('"mediaType": true') + 1}`,
      `json.duplicate-key /mediaType ${text.lastIndexOf('"mediaType"') + 1}`,
      `schema.type /mediaType ${text.indexOf('1,') + 1} shadowed`,
      `schema.type /mediaType ${text.indexOf('true') + 1} shadowed`,
    ]);
  });

  it('a shadowed value has the findings it has alone, as many (fuzz seed 20261205 input 10719)', async () => {
    const win = (layerFolders: string): string => `{"ociVersion": "1.2.0", "root": {"path": "rootfs"}, "windows": {"layerFolders": ${layerFolders}}}`;
    const alone = (await validateDocument('c.json', win('{}'), { kind: 'config' })).diagnostics.filter((d) => d.pointer === '/windows/layerFolders');
    const text = win('{}, "layerFolders": ["C:\\\\l"]');
    const shadowed = (await validateDocument('c.json', text, { kind: 'config' })).diagnostics.filter((d) => d.params.shadowed);
    expect(alone.length).toBeGreaterThan(0);
    expect(shadowed.map((d) => `${d.rule} ${d.requirement} ${d.pointer}`)).toEqual(alone.map((d) => `${d.rule} ${d.requirement} ${d.pointer}`));
  });

  it('a clean document with a harmless duplicate has only the duplicate', async () => {
    const text = CONFIG(GOOD_PROCESS, GOOD_PROCESS);
    const r = await validateDocument('c.json', text, { kind: 'config' });
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['json.duplicate-key']);
  });
});
