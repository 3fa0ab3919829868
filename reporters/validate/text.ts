/** Human-readable findings, one per line, in the `file:line:column` form editors jump to. */
import type { ValidateFormatter } from './format.js';
import { countDiagnostics } from './format.js';

const paint = (on: boolean, code: string, s: string): string => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

export const text: ValidateFormatter = (results, { color }) => {
  const out: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      const sev = d.severity === 'error' ? paint(color, '31', 'error') : d.severity === 'warning' ? paint(color, '33', 'warning') : paint(color, '36', 'info');
      const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
      const req = d.requirement ? ` ${d.requirement} (${d.level})` : '';
      out.push(`${where}: ${sev} ${d.message} [${d.rule}]${req} at ${d.pointer === '' ? '/' : d.pointer}`);
      if (d.reference) out.push(`  see ${d.reference}`);
    }
    if (r.diagnostics.length === 0) out.push(`${r.file}: ok (${r.kind ?? 'document'}, spec ${r.version ?? '?'})`);
  }
  const c = countDiagnostics(results);
  out.push(`${results.length} document${results.length === 1 ? '' : 's'}: ${c.errors} error${c.errors === 1 ? '' : 's'}, ${c.warnings} warning${c.warnings === 1 ? '' : 's'}, ${c.infos} info`);
  return `${out.join('\n')}\n`;
};
