// Prisma CLI configuration for one subgraph at a time: PRISMA_SUBGRAPH names it.
// The CLI runs fully offline with the JavaScript schema engine and the pg driver adapter.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

const subgraph = process.env.PRISMA_SUBGRAPH ?? 'catalog';
// The subgraph's database as the services find it (lib/config.ts databaseFor): its own
// <SUBGRAPH>_DATABASE_URL, else DATABASE_URL. Written out here because the image copies this file
// without lib/ (Dockerfile); scripts/db.ts sets both to the database it migrates.
const setting = `${subgraph.toUpperCase()}_DATABASE_URL`;
const url = process.env[setting] || process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/commerce';
// The schema's datasource names it too.
process.env[setting] = url;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', subgraph, 'schema.prisma'),
  migrations: { path: path.join('prisma', subgraph, 'migrations') },
  adapter: async () => new PrismaPg({ connectionString: url, options: `-c search_path="${subgraph}"` }, { schema: subgraph }),
});
