// Prisma CLI configuration for one subgraph at a time: PRISMA_SUBGRAPH names it.
// The CLI runs fully offline with the JavaScript schema engine and the pg driver adapter.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

const subgraph = process.env.PRISMA_SUBGRAPH ?? 'catalog';
const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/commerce';
process.env[`${subgraph.toUpperCase()}_DATABASE_URL`] ??= url;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', subgraph, 'schema.prisma'),
  migrations: { path: path.join('prisma', subgraph, 'migrations') },
  adapter: async () => new PrismaPg({ connectionString: url, options: `-c search_path="${subgraph}"` }, { schema: subgraph }),
});
