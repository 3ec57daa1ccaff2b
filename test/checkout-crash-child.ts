// Run by checkout-faults.test.ts as a process of its own: starts one checkout with the order
// context's real services and kills itself (SIGKILL, no clean-up of any kind) right after the
// step named by CRASH_AFTER has been stored.
import { loadConfig } from '../lib/config.js';
import { createRuntime } from '../lib/runtime.js';
import { createOrderServices } from '../subgraphs/order/server.js';

const config = loadConfig(process.env);
const runtime = await createRuntime(config);
const { checkouts } = createOrderServices(runtime, {
  afterStep: (step) => {
    if (step === process.env.CRASH_AFTER) process.kill(process.pid, 'SIGKILL');
  },
});
await checkouts.checkout(process.env.CRASH_PERSON!, JSON.parse(process.env.CRASH_INPUT!));
console.error(`checkout completed without reaching ${process.env.CRASH_AFTER}`);
process.exit(3);
