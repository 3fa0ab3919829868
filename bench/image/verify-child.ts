/**
 * Runs in its own process so that its peak RSS is ours alone: validates one
 * layout with the library and prints {ms, maxRssKiB, errors, documents} as JSON.
 */
import { validatePath } from '../../validators/inputs.js';

const path = process.argv[2];
if (!path) throw new Error('usage: verify-child.ts LAYOUT');
const t = process.hrtime.bigint();
const results = await validatePath(path, {});
const ms = Number(process.hrtime.bigint() - t) / 1e6;
const errors = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
process.stdout.write(`${JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS, errors, documents: results.length })}\n`);
