/**
 * The frame of the HTML report: one self-contained page (inline CSS and script, no URL it loads, works from
 * file://). Every text that came from a run goes through `esc`; the script only toggles `hidden` on rows, and the
 * page's Content-Security-Policy allows no script but that one (by its hash), so markup slipped into a value can
 * neither run nor load anything.
 */
import { createHash } from 'node:crypto';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text (or an attribute value) made inert: every character HTML gives a meaning to is an entity. */
export function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Tagged template that escapes every interpolated value except those already made by `raw`. */
export interface Raw {
  readonly html: string;
}
export const raw = (html: string): Raw => ({ html });
export function h(parts: TemplateStringsArray, ...values: readonly unknown[]): Raw {
  let out = parts[0]!;
  for (const [i, v] of values.entries()) out += part(v) + parts[i + 1]!;
  return raw(out);
}
function part(v: unknown): string {
  if (Array.isArray(v)) return v.map(part).join('');
  if (v === undefined || v === null || v === false) return '';
  if (typeof v === 'object' && 'html' in v) return (v as Raw).html;
  return esc(v);
}

const CSS = `
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#1b1b1b}
h1{font-size:1.4em}h2{font-size:1.2em;margin-top:1.6em}h3{font-size:1em;margin:0}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}
th{background:#f2f2f2}td.n{text-align:right}tr.area th{background:#e4e9f0}
dl.run{display:grid;grid-template-columns:max-content auto;gap:2px 1em;margin:.5em 0}dt{font-weight:600}dd{margin:0}
.v{font-weight:600;padding:0 4px;border-radius:3px}.v-pass{color:#11632b}.v-fail,.v-error{color:#fff;background:#b3261e}
.v-warn{background:#f5c542}.v-skip{color:#666}.mark{font-size:.8em;margin-left:4px;padding:0 3px;border-radius:3px}
.m-expected{background:#dde6f5;color:#1c3d78}.m-unexpected{background:#b3261e;color:#fff}.m-stale{background:#f5c542}
.ok{color:#11632b;font-weight:600}.bad{color:#b3261e;font-weight:600}
pre{background:#f7f7f7;border:1px solid #ddd;padding:4px;white-space:pre-wrap;word-break:break-all;margin:2px 0}
section.ev{border:1px solid #ccc;border-left:4px solid #b3261e;padding:6px 10px;margin:8px 0}
section.ev.ev-expected{border-left-color:#1c3d78}section.ev.ev-warn{border-left-color:#f5c542}
.filters{position:sticky;top:0;background:#fff;padding:6px 0;border-bottom:1px solid #ccc}.filters label{margin-right:1.5em}
.why{color:#555;font-size:.9em}
`;

/** Hides rows (`data-bad`, `data-unexpected`) by the two checkboxes; reads no data into markup. */
const SCRIPT = `(function(){
var bad=document.getElementById('only-failed'),unx=document.getElementById('only-unexpected');if(!bad||!unx)return;
function apply(){var rows=document.querySelectorAll('[data-row]');for(var i=0;i<rows.length;i++){var r=rows[i];
r.hidden=(bad.checked&&r.getAttribute('data-bad')!=='1')||(unx.checked&&r.getAttribute('data-unexpected')!=='1');}
document.getElementById('shown').textContent=String(document.querySelectorAll('#results tr[data-row]:not([hidden])').length);}
bad.addEventListener('change',apply);unx.addEventListener('change',apply);apply();})();`;

const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');

export function page(title: string, body: Raw): string {
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body>
${body.html}
<script>${SCRIPT}</script>
</body></html>
`;
}
