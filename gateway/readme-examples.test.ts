// The GraphQL examples in the READMEs are what client teams copy first: each operation must be
// valid against the API schema as composed now, and cost a small part of the gateway's limit.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  Kind,
  NoUnusedFragmentsRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../lib/subgraph-names.js';
import { composeSupergraph } from './composition.js';
import { gatewaySettings } from './config.js';
import { DEFAULT_LIST_SIZE } from '../lib/query-limits.js';
import { costDirectivesFrom, fragmentsOf, operationCost } from '../lib/query-cost.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const READMES = ['README.md', 'gateway/README.md', 'subgraphs/promotion/affiliates/README.md', ...SUBGRAPHS.map((name) => `subgraphs/${name}/README.md`)];
/** An example should leave room for the client's own fields: a tenth of the limit at most. */
const EXAMPLE_SHARE = 0.1;

function graphqlBlocks(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

function operationsOf(document: DocumentNode) {
  const fragments = fragmentsOf(document);
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({
      name: operation.name?.value ?? `${operation.operation} at line ${operation.loc?.startToken.line}`,
      operation,
      fragments,
      alone: { kind: Kind.DOCUMENT, definitions: [operation, ...Object.values(fragments)] } as DocumentNode,
    }));
}

const composition = composeSupergraph();
if ('errors' in composition) throw new Error(composition.errors.join('\n'));
const schema = composition.apiSchema();
const directives = costDirectivesFrom(composition.supergraphSdl);
const limit = gatewaySettings.parse({}).QUERY_MAX_COST;

const examples = READMES.flatMap((file) =>
  graphqlBlocks(file).flatMap((block) => operationsOf(parse(block)).map((o) => ({ file, ...o }))),
);

describe('README examples', () => {
  it('are there to check', () => {
    expect(new Set(examples.map((e) => e.file))).toEqual(new Set(['subgraphs/catalog/README.md', 'subgraphs/cart/README.md']));
    expect(examples.length).toBeGreaterThanOrEqual(7);
  });

  // A block may hold several anonymous operations; each is checked on its own, with the block's fragments.
  const rules = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);

  it.each(examples.map((e) => [`${e.file}: ${e.name}`, e] as const))('%s is valid and cheap', (_label, { alone, operation, fragments }) => {
    expect(validate(schema, alone, rules).map((e) => e.message)).toEqual([]);
    const cost = operationCost({ schema, operation, fragments, variables: {}, directives, defaultListSize: DEFAULT_LIST_SIZE });
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeLessThanOrEqual(limit * EXAMPLE_SHARE);
  });
});
