// What a benchmark leaves behind: a table on the terminal and a JSON report that names the commit
// and the machine, since figures mean little without either.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { round, type RunResult } from './load.js';

const ROOT = path.resolve(import.meta.dirname, '..');
export const DEFAULT_OUTPUT = path.join(ROOT, 'bench', 'results.json');

export function printTable(results: RunResult[]): void {
  const header = ['scenario', 'viewer', 'cache', 'conns', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'non-2xx'];
  const rows = results.map((r) => [
    r.scenario,
    r.viewer,
    r.cacheControl?.includes('public') ? r.cacheControl.replace(', public', '') : 'off',
    String(r.connections),
    r.requestsPerSecond.toFixed(0),
    r.latencyMs.p50.toFixed(1),
    r.latencyMs.p95.toFixed(1),
    r.latencyMs.p99.toFixed(1),
    String(r.errors.socket + r.errors.timeouts + r.errors.graphql),
    String(r.errors.non2xx),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
}

export function gitCommit(): { commit: string | null; dirty: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return { commit: null, dirty: false };
  }
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpus: cpus.length,
    totalMemoryGiB: round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    // The box may be shared; a busy one explains figures that do not repeat.
    loadAverageAtStart: os.loadavg().map((l) => round(l, 2)),
  };
}

export function writeReport(output: string, report: Record<string, unknown>): void {
  writeFileSync(output, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), output)}`);
}
