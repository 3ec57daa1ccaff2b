// Postgres as the bench finds it. With autovacuum off (this machine's CI configuration turns it
// off), every run leaves the rows it updated behind as dead versions, and the next run reads past
// them: add to cart slowed run after run until the cart table held 44,000 dead versions of its 200
// rows. So before each scenario the bench vacuums the stack's databases, as autovacuum would have
// done between runs, and the report says so. With autovacuum on, the bench leaves it to Postgres.
import pg from 'pg';
import { databaseUrlFor, type DatabaseSettings } from '../lib/config.js';
import { SUBGRAPHS } from '../lib/subgraph-names.js';

export interface PostgresState {
  autovacuum: boolean;
  /** The bench vacuums before each scenario (autovacuum is off). */
  vacuumedBeforeEachScenario: boolean;
}

/** Whether Postgres runs autovacuum; null when the bench cannot ask (a stack whose database it cannot reach). */
export async function postgresState(config: DatabaseSettings): Promise<PostgresState | null> {
  const client = new pg.Client({ connectionString: config.DATABASE_URL });
  try {
    await client.connect();
    const { rows } = await client.query<{ autovacuum: string }>('SHOW autovacuum');
    const autovacuum = rows[0]?.autovacuum === 'on';
    if (!autovacuum) console.log('Postgres runs with autovacuum off: the bench vacuums the stack\'s databases before each scenario.');
    return { autovacuum, vacuumedBeforeEachScenario: !autovacuum };
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Vacuums (and analyzes) each database the stack's contexts use, when `state` says the bench must. */
export async function vacuumIfOff(config: DatabaseSettings, state: PostgresState | null): Promise<void> {
  if (!state?.vacuumedBeforeEachScenario) return;
  for (const url of new Set(SUBGRAPHS.map((context) => databaseUrlFor(config, context)))) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('VACUUM (ANALYZE)');
    } finally {
      await client.end().catch(() => {});
    }
  }
}
