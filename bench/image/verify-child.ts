/**
 * Runs in its own process so that its peak RSS is ours alone: validates one
 * layout with the library and prints {ms, cpuMs, maxRssKiB, errors, documents} as JSON.
 */
import { validatePath } from '../../validators/inputs.js';

const path = process.argv[2];
if (!path) throw new Error('usage: verify-child.ts LAYOUT');
const t = process.hrtime.bigint();
const cpu = process.cpuUsage();
const results = await validatePath(path, {});
const ms = Number(process.hrtime.bigint() - t) / 1e6;
const used = process.cpuUsage(cpu);
const cpuMs = (used.user + used.system) / 1000;
const errors = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
process.stdout.write(`${JSON.stringify({ ms, cpuMs, maxRssKiB: process.resourceUsage().maxRSS, errors, documents: results.length })}\n`);
