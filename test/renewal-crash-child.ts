// Run by subscription-renewals.test.ts as a process of its own: renews what is due at CRASH_NOW
// with the subscription context's real services, and kills itself (SIGKILL, no clean-up of any
// kind) right after the order context placed and charged CRASH_SUBSCRIPTION's period order,
// before anything of the answer is recorded here.
import { loadConfig } from '../lib/config.js';
import { createRuntime } from '../lib/runtime.js';
import { createSubscriptionServices } from '../subgraphs/subscription/server.js';

const config = loadConfig(process.env);
const runtime = await createRuntime(config);
const now = new Date(Number(process.env.CRASH_NOW));
const { renewals } = createSubscriptionServices(runtime, {
  now: () => now,
  orders: (peer) => ({
    ...peer,
    place: async (input) => {
      const answer = await peer.place(input);
      if (input.subscriptionId === process.env.CRASH_SUBSCRIPTION) process.kill(process.pid, 'SIGKILL');
      return answer;
    },
  }),
});
await renewals.runDue();
console.error(`renewed without placing ${process.env.CRASH_SUBSCRIPTION}'s order`);
process.exit(3);
