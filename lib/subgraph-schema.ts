// Where each subgraph's contract lives: schema/<name>.graphql, plus parts of a large subgraph in
// schema/<name>.<part>.graphql (the promotion subgraph's affiliates), plus the types every
// subgraph shares (schema/shared.graphql: Money, CurrencyCode, PageInfo, UserError), read as one
// document.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { GraphQLScalarType } from 'graphql';
import { CountryCodeResolver, DateTimeResolver, SafeIntResolver, URLResolver } from 'graphql-scalars';
import { formatMoney, minorUnitDigits, type Money } from './money.js';
import type { SubgraphName } from './subgraph-names.js';

/** schema/ next to lib/: the same from sources and from the dist/ build, which copies it. */
export const SCHEMA_DIR = path.resolve(import.meta.dirname, '..', 'schema');

export const SHARED_SCHEMA_FILE = 'shared.graphql';

/** The SDL files of one subgraph: the main file first, then its parts in name order, then the shared types. */
export function subgraphSchemaFiles(name: SubgraphName, dir = SCHEMA_DIR): string[] {
  const parts = readdirSync(dir)
    .filter((file) => file.startsWith(`${name}.`) && file.endsWith('.graphql') && file !== `${name}.graphql`)
    .sort();
  return [`${name}.graphql`, ...parts, SHARED_SCHEMA_FILE].map((file) => path.join(dir, file));
}

/** graphql-scalars' URL, handed to resolvers as its normalized text rather than a URL object. */
const URLText = new GraphQLScalarType({
  ...URLResolver.toConfig(),
  parseValue: (value) => (URLResolver.parseValue(value) as URL | null)?.href ?? null,
  parseLiteral: (ast, variables) => (URLResolver.parseLiteral(ast, variables) as URL | null)?.href ?? null,
});

/** graphql-scalars' CountryCode, handed to resolvers in capitals whatever case the client sent. */
const CountryCodeUpper = new GraphQLScalarType({
  ...CountryCodeResolver.toConfig(),
  parseValue: (value) => (CountryCodeResolver.parseValue(value) as string).toUpperCase(),
  parseLiteral: (ast, variables) => (CountryCodeResolver.parseLiteral(ast, variables) as string).toUpperCase(),
});

/** The custom scalars of schema/shared.graphql; the gateway parses inputs with them too. */
export const SHARED_SCALARS = { DateTime: DateTimeResolver, SafeInt: SafeIntResolver, URL: URLText, CountryCode: CountryCodeUpper };

/** The resolvers of schema/shared.graphql, served by every subgraph with its own. */
export const sharedResolvers = {
  ...SHARED_SCALARS,
  Money: {
    fractionDigits: (m: Money) => minorUnitDigits(m.currencyCode),
    formatted: (m: Money) => formatMoney(m),
  },
};

export function subgraphTypeDefs(name: SubgraphName): string {
  return subgraphSchemaFiles(name)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}
