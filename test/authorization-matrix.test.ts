// The authorization matrix (issue 12): every public operation × every principal, through the real
// gateway and subgraphs, against the owner's objects. The expected allow/deny table is data
// (test/authorization-matrix.json); this file holds it to the API schema (a row per operation, no
// row for an operation that is gone) and to what the API does: an unexpected allow and an
// unexpected deny both fail. Calls by anyone but the owner and staff must answer none of the
// owner's ids, and their writes leave the owner's objects as they were.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseKeys, operationFor, publicOperations } from './authorization-matrix-args.js';
import { callHttp, callSubscription, createWorld, leakedIds, ownedState, PRINCIPALS, sceneFor, tokenOf, type Observation, type Principal, type Verdict, type World } from './authorization-matrix-fixtures.js';
import { startTestStack, type TestStack } from './harness.js';

type Row = Record<Principal, Verdict> & { note?: string; knownHoles?: Partial<Record<Principal, string>> };
const TABLE_FILE = path.join(import.meta.dirname, 'authorization-matrix.json');
const table = JSON.parse(readFileSync(TABLE_FILE, 'utf8')) as { principals: Principal[]; operations: Record<string, Row> };
const rows = Object.entries(table.operations);

let stack: TestStack;
let world: World;
/** What each call did, so that the known holes' own tests need not call again. */
const observed = new Map<string, Observation>();

beforeAll(async () => {
  stack = await startTestStack({
    workers: true,
    env: {
      OUTBOX_RELAY_MS: '50',
      ORDER_RECONCILE_MS: '3600000',
      // One principal calls each operation once; the limits have their own tests.
      CHECKOUT_ATTEMPTS_PER_MINUTE_PER_PERSON: '10000',
      CHECKOUT_ATTEMPTS_PER_MINUTE_PER_CLIENT: '10000',
      PROMOTION_CODE_FAILURES_PER_MINUTE_PER_PERSON: '10000',
      PROMOTION_CODE_FAILURES_PER_MINUTE_PER_CLIENT: '10000',
      AFFILIATE_CLICKS_PER_MINUTE: '10000',
    },
  });
  world = await createWorld(stack);
}, 120_000);

afterAll(async () => {
  await world?.orderSql.end();
  await world?.subscriptionSql.end();
  await stack?.close();
});

describe('the table', () => {
  it('names the principals in order, and every cell is allow or deny', () => {
    expect(table.principals).toEqual([...PRINCIPALS]);
    for (const [key, row] of rows) {
      for (const principal of PRINCIPALS) expect(['allow', 'deny'], `${key} → ${principal}`).toContain(row[principal]);
      for (const principal of Object.keys(row.knownHoles ?? {})) expect(PRINCIPALS, `${key}: knownHoles`).toContain(principal);
    }
  });

  it('has a row for every Query, Mutation and Subscription field of the public API', () => {
    const missing = publicOperations().filter((key) => !(key in table.operations));
    expect(missing, `decide who may call these, in ${path.basename(TABLE_FILE)}`).toEqual([]);
  });

  it('names no operation that is gone', () => {
    const known = new Set(caseKeys());
    expect(rows.map(([key]) => key).filter((key) => !known.has(key))).toEqual([]);
  });
});

/** Neither the owner nor staff: whatever they call must answer none of the owner's ids and change none of the owner's objects. */
const OUTSIDERS: Principal[] = ['anonymous', 'other', 'service'];

/** Calls `key` as `principal`; for an outsider, checks the answer and, after a write, the owner's objects. */
async function observe(key: string, principal: Principal): Promise<Observation & { verdict: Verdict }> {
  const scene = await sceneFor(world, key);
  const op = operationFor(key, scene);
  const token = await tokenOf(stack, principal, scene.owner);
  const watched = OUTSIDERS.includes(principal) && op.root === 'Mutation';
  const before = watched ? await ownedState(stack, scene) : null;
  const { observation, body } = op.root === 'Subscription' ? await callSubscription(stack, token, op) : await callHttp(stack, token, op);
  if (observation.verdict === 'unclear') throw new Error(`${key} as ${principal}: neither allowed nor denied: ${observation.detail}\n${op.document}\n${JSON.stringify(op.variables)}`);
  if (OUTSIDERS.includes(principal)) expect(leakedIds(scene, body), `${key} as ${principal} answered the owner's ids: ${JSON.stringify(body)}`).toEqual([]);
  if (watched) expect(await ownedState(stack, scene), `${key} as ${principal} changed the owner's objects`).toEqual(before);
  return { ...observation, verdict: observation.verdict };
}

describe('each operation as each principal', () => {
  for (const [key, row] of rows) {
    it(`${key}${row.note ? ` (${row.note})` : ''}`, async () => {
      const expected: Partial<Record<Principal, Verdict>> = {};
      const actual: Partial<Record<Principal, Verdict>> = {};
      const details: string[] = [];
      for (const principal of PRINCIPALS) {
        const observation = await observe(key, principal);
        observed.set(`${key} ${principal}`, observation);
        // A known hole is held to in its own test below; here it is left out.
        if (row.knownHoles?.[principal]) continue;
        expected[principal] = row[principal];
        actual[principal] = observation.verdict;
        if (observation.verdict !== row[principal]) details.push(`${principal}: expected ${row[principal]}, got ${observation.verdict} (${observation.detail})`);
      }
      expect(actual, details.join('\n')).toEqual(expected);
    }, 120_000);
  }
});

const holes = rows.flatMap(([key, row]) => Object.entries(row.knownHoles ?? {}).map(([principal, why]) => ({ key, principal: principal as Principal, why, expected: row[principal as Principal] })));
if (holes.length > 0) {
  describe('known holes (each an expected failure until fixed; then its knownHoles entry goes)', () => {
    for (const hole of holes) {
      it.fails(`${hole.key} as ${hole.principal} should ${hole.expected}: ${hole.why}`, async () => {
        const observation = observed.get(`${hole.key} ${hole.principal}`) ?? (await observe(hole.key, hole.principal));
        expect(observation.verdict).toBe(hole.expected);
      });
    }
  });
}
