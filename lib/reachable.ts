// Whether the servers a process needs answer at all, checked before it starts, so that a missing
// or refused one is a sentence saying which and what to do rather than a connection stack trace.
import net from 'node:net';

/** Whether something accepts TCP connections at host:port. */
export function answers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const DEFAULT_PORTS: Record<string, number> = { 'postgresql:': 5432, 'postgres:': 5432, 'redis:': 6379, 'rediss:': 6379 };

/**
 * One sentence for each of the named servers that does not answer, e.g. "PostgreSQL
 * (DATABASE_URL) does not answer at 127.0.0.1:5432.", with what to do; none when all answer.
 */
export async function unreachable(servers: readonly { name: string; setting: string; url: string }[]): Promise<string[]> {
  const problems = await Promise.all(
    servers.map(async ({ name, setting, url }) => {
      const { protocol, hostname, port } = new URL(url);
      const address = { host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) || DEFAULT_PORTS[protocol] || 0 };
      return (await answers(address.host, address.port)) ? null : `${name} (${setting}) does not answer at ${address.host}:${address.port}.`;
    }),
  );
  const found = problems.filter((p): p is string => p !== null);
  return found.length === 0 ? [] : [...found, 'Start it, or set the variable to one that runs; `npm start` starts PostgreSQL and Redis itself when none answers.'];
}
