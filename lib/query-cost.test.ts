// The cost model, table-tested on a small schema: objects 1, scalars and __typename 0, lists
// multiplied by their slicing argument (literal, variable or default) or assumed size, a
// connection's size on its edges only, fragments and @skip/@include, the costliest possible type.
import { Kind, buildSchema, getVariableValues, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { costDirectivesFrom, fragmentsOf, operationCost } from './query-cost.js';

const SDL = `
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
  directive @cost(weight: Int!) on FIELD_DEFINITION | OBJECT
  type Query {
    products(first: Int = 20, last: Int): ProductConnection! @listSize(slicingArguments: ["first", "last"], sizedFields: ["edges"])
    search: [SearchResult!]! @listSize(assumedSize: 5)
    tags: [String!]!
    expensive: Product @cost(weight: 7)
  }
  type Mutation { archive(id: ID!): Product }
  type ProductConnection { edges: [ProductEdge!]! totalCount: Int! pageInfo: PageInfo! }
  type PageInfo { hasNextPage: Boolean! }
  type ProductEdge { cursor: String! node: Product! }
  type Product { id: ID! name: String! price: Money! variants: [Variant!]! @listSize(assumedSize: 10) related(first: Int): ProductConnection! @listSize(slicingArguments: ["first"], sizedFields: ["edges"]) }
  type Variant { id: ID! price: Money! }
  type Money @cost(weight: 0) { amount: Int! }
  type Article { id: ID! author: Author! }
  type Author { id: ID! }
  union SearchResult = Product | Article
`;
const schema = buildSchema(SDL);
const directives = costDirectivesFrom(SDL);

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = fragmentsOf(document);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw coerced.errors[0];
  return operationCost({ schema, operation, fragments, variables: coerced.coerced, directives, defaultListSize: 3 });
}

describe('operationCost', () => {
  it.each([
    ['scalars and __typename are free', '{ __typename tags }', 0],
    ['an object costs 1', '{ expensive { id } }', 7],
    ['a type weighted 0 costs nothing', '{ expensive { price { amount } } }', 7],
    // products 1 + pageInfo 1 + 20 edges × (edge 1 + node 1)
    ['a connection defaults to its argument default, on edges only', '{ products { totalCount pageInfo { hasNextPage } edges { node { id } } } }', 1 + 1 + 20 * 2],
    ['a literal first sizes the edges', '{ products(first: 3) { edges { node { id } } } }', 1 + 3 * 2],
    ['last sizes them too', '{ products(last: 4) { edges { node { id } } } }', 1 + 4 * 2],
    // 1 + 2 edges × (1 + node 1 + 10 variants × 1)
    ['nested lists multiply', '{ products(first: 2) { edges { node { variants { id } } } } }', 1 + 2 * (2 + 10)],
    // 1 + 2 × (2 + related (1 + 5 × 2))
    ['nested connections multiply', '{ products(first: 2) { edges { node { related(first: 5) { edges { node { id } } } } } } }', 1 + 2 * (2 + 1 + 5 * 2)],
    ['__typename everywhere changes nothing', '{ __typename products(first: 3) { __typename edges { __typename node { __typename id } } } }', 1 + 3 * 2],
    // 5 results × the costlier of Product (1) and Article (1 + author 1)
    ['an abstract type costs its costliest possible type', '{ search { ... on Product { id } ... on Article { author { id } } } }', 5 * 2],
    ['fragments count where they apply', 'query { products(first: 2) { edges { ...E } } } fragment E on ProductEdge { node { id } }', 1 + 2 * 2],
    ['a mutation root field costs 10', 'mutation { archive(id: "1") { id } }', 10],
  ])('%s', (_name, query, expected) => expect(cost(query)).toBe(expected));

  it('reads slicing arguments from the variables, and the default when a variable is absent', () => {
    const query = 'query($n: Int) { products(first: $n) { edges { node { id } } } }';
    expect(cost(query, { n: 50 })).toBe(1 + 50 * 2);
    expect(cost(query, { n: 0 })).toBe(1);
    // An absent variable leaves the argument out, so its default (20) applies.
    expect(cost(query)).toBe(1 + 20 * 2);
  });

  it('leaves out what @skip and @include drop', () => {
    const query = 'query($big: Boolean!) { products(first: 2) { edges @include(if: $big) { node { id } } totalCount } }';
    expect(cost(query, { big: false })).toBe(1);
    expect(cost(query, { big: true })).toBe(1 + 2 * 2);
  });

  it('sizes a list nothing describes with the default', () => {
    const bare = buildSchema('type Query { things: [Thing!]! } type Thing { id: ID! }');
    const operation = parse('{ things { id } }').definitions[0] as OperationDefinitionNode;
    expect(operationCost({ schema: bare, operation, fragments: {}, variables: {}, directives: costDirectivesFrom('type Query { x: Int }'), defaultListSize: 7 })).toBe(7);
  });

  it('reads the directives the composed supergraph keeps', () => {
    const { fields, types } = directives;
    expect(fields.get('Query.products')).toEqual({ slicingArguments: ['first', 'last'], sizedFields: ['edges'] });
    expect(fields.get('Product.variants')).toEqual({ assumedSize: 10 });
    expect(fields.get('Query.expensive')).toEqual({ weight: 7 });
    expect(types.get('Money')).toBe(0);
  });
});
