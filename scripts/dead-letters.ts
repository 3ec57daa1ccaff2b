// npm run -s events:dead-letters -- list
// npm run -s events:dead-letters -- replay <event id | dead-letter id | --all>
// The events consumers gave up on (lib/dead-letters.ts): lists them, or puts them back on the
// stream they came from once their cause is fixed. Reads REDIS_URL, REDIS_CLUSTER and REDIS_PREFIX.
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../lib/config.js';
import { listDeadLetters, replayDeadLetters, type DeadLetter } from '../lib/dead-letters.js';
import { eventStream } from '../lib/outbox.js';
import { createRedis } from '../lib/redis.js';
import { SUBGRAPHS } from '../lib/subgraph-names.js';

const USAGE = 'usage: npm run -s events:dead-letters -- list\n       npm run -s events:dead-letters -- replay <event id | dead-letter id | --all>';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { all: { type: 'boolean', default: false } } });
const [command, which] = positionals;
const target = values.all ? 'all' : which;
const valid = command === 'list' ? positionals.length === 1 && !values.all : command === 'replay' && positionals.length === (values.all ? 1 : 2);
if (!valid) {
  console.error(USAGE);
  process.exit(2);
}

const config = loadConfigOrExit();
const redis = createRedis(config.REDIS_URL, { cluster: config.REDIS_CLUSTER });
const streams = SUBGRAPHS.map((context) => eventStream(config.REDIS_PREFIX, context));
const line = (d: DeadLetter) =>
  [d.eventId, d.type, `consumer ${d.consumer}`, `stream ${d.stream}`, `${d.attempts} attempts`, d.deadLetteredAt, `dead-letter id ${d.id}`, `error: ${d.error}`].join('  ');

try {
  if (command === 'list') {
    const letters = await listDeadLetters(redis, streams);
    for (const letter of letters) console.log(line(letter));
    console.log(`${letters.length} dead letter${letters.length === 1 ? '' : 's'}`);
  } else {
    const replayed = await replayDeadLetters(redis, streams, target!);
    for (const letter of replayed) console.log(`replayed ${line(letter)}`);
    if (replayed.length === 0) {
      console.error(`no dead letter ${target === 'all' ? 'to replay' : `with the id ${target}`}`);
      process.exitCode = 1;
    } else {
      console.log(`${replayed.length} replayed onto their streams; each consumer applies an event once, so those that had processed it skip it`);
    }
  }
} finally {
  redis.disconnect();
}
