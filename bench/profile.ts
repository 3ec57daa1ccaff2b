// `npm run bench -- --profile`: the stack in the production topology (the gateway in one process,
// the five subgraphs in another), each process started by the bench under `node --cpu-prof`, so
// that when the scenario ends and the bench stops them each writes a CPU profile of the run
// (warm-up included) to bench/profiles/. Open one in Chrome's DevTools (Performance → Load
// profile) or in VS Code.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { answers, type Stack } from './stack.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PROFILE_DIR = path.join(ROOT, 'bench', 'profiles');

const PROCESSES = [
  { name: 'subgraphs', services: 'catalog,cart,order,subscription,promotion' },
  { name: 'gateway', services: 'gateway' },
] as const;

async function ready(child: ChildProcess, url: string, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The profiled ${name} process exited with ${child.exitCode} before answering on ${url}`);
    if (await answers(url)) return;
    await sleep(250);
  }
  throw new Error(`The profiled ${name} process did not answer on ${url} within 60 s`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Each thread of a process under `--cpu-prof` writes a profile (tsx's module loader runs in a
 * thread of its own): the main thread's is the one with the most samples, kept under the name the
 * bench prints; the rest go.
 */
function keepMainThread(dir: string, file: string): void {
  const written = readdirSync(dir).map((f) => path.join(dir, f)).filter((f) => f.endsWith('.cpuprofile'));
  const main = written.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (main) renameSync(main, file);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Starts the profiled processes with `env` (the bench's configuration, as a stack it starts
 * itself would have) and answers the stack the scenario runs against; closing it stops them,
 * which writes `bench/profiles/<scenario>-<process>.cpuprofile`.
 */
export async function profiledStack(env: Record<string, string | undefined>, ports: { gateway: string; subgraph: string }, scenario: string): Promise<Stack & { profiles: string[] }> {
  mkdirSync(PROFILE_DIR, { recursive: true });
  const started: { child: ChildProcess; dir: string; file: string }[] = [];
  const close = async () => {
    // The gateway first, as bin/serve.ts stops it: no subgraph waits on requests it still sends.
    for (const { child, dir, file } of [...started].reverse()) {
      await stop(child);
      keepMainThread(dir, file);
    }
  };
  try {
    for (const { name, services } of PROCESSES) {
      const dir = path.join(PROFILE_DIR, `${scenario}-${name}`);
      rmSync(dir, { recursive: true, force: true });
      const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--max-semi-space-size=32', '--import', 'tsx', 'bin/serve.ts'], {
        cwd: ROOT,
        env: { ...env, SERVICES: services },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      started.push({ child, dir, file: `${dir}.cpuprofile` });
      await ready(child, name === 'gateway' ? `${ports.gateway}/healthz` : `${ports.subgraph}/healthz`, name);
    }
  } catch (err) {
    await close();
    throw err;
  }
  console.log(`Profiling the gateway and the subgraphs (two processes) for ${scenario}.`);
  return { mode: 'external', profiles: started.map((s) => s.file), close };
}
