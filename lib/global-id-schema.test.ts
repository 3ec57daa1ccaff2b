// The id boundary on a small subgraph: what resolvers receive and what the wire carries.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { globalId } from './global-id.js';
import { withGlobalIds } from './global-id-schema.js';

const DIRECTIVE = 'directive @globalId(type: String!) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION';
const SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  ${DIRECTIVE}
  type Query {
    shelf(id: ID! @globalId(type: "Shelf")): Shelf
    search(filter: BookFilter!): [Book!]!
    echo(ids: [ID!]!): [ID!]!
  }
  input BookFilter { shelfIds: [ID!] @globalId(type: "Shelf") nested: BookFilter note: String }
  type Shelf @key(fields: "id") { id: ID! bookIds: [ID!]! @globalId(type: "Book") favourite: ID @globalId(type: "Book") }
  type Book @key(fields: "id") { id: ID! title: String! }
`;

const seen: unknown[] = [];
const shelves: Record<string, { id: string; bookIds: string[]; favourite: string | null }> = {
  s1: { id: 's1', bookIds: ['b1', 'b2'], favourite: null },
};
const schema = withGlobalIds(
  buildSubgraphSchema({
    typeDefs: parse(SDL),
    resolvers: {
      Query: {
        shelf: (_: unknown, { id }: { id: string }) => (seen.push(id), shelves[id] ?? null),
        search: (_: unknown, { filter }: { filter: unknown }) => (seen.push(filter), [{ id: 'b1', title: 'Dune' }]),
        echo: (_: unknown, { ids }: { ids: string[] }) => ids,
      },
      Shelf: { __resolveReference: (ref: { id: string }) => (seen.push(ref), shelves[ref.id] ?? null) },
    } as never,
  }),
);

async function run(source: string, variableValues?: Record<string, unknown>) {
  seen.length = 0;
  return JSON.parse(JSON.stringify(await graphql({ schema, source, variableValues })));
}

describe('withGlobalIds', () => {
  it("answers an object's id and marked fields as global ids, and hands the resolver the raw id", async () => {
    const res = await run(`query($id: ID!) { shelf(id: $id) { id bookIds favourite } }`, { id: globalId('Shelf', 's1') });
    expect(seen).toEqual(['s1']);
    expect(res.data.shelf).toEqual({ id: globalId('Shelf', 's1'), bookIds: [globalId('Book', 'b1'), globalId('Book', 'b2')], favourite: null });
  });

  it('decodes marked input fields at any depth and leaves the rest alone', async () => {
    const filter = { shelfIds: [globalId('Shelf', 's1')], note: 'x', nested: { shelfIds: [globalId('Shelf', 's2')] } };
    const res = await run(`query($f: BookFilter!) { search(filter: $f) { id } }`, { f: filter });
    expect(seen).toEqual([{ shelfIds: ['s1'], note: 'x', nested: { shelfIds: ['s2'] } }]);
    expect(res.data.search).toEqual([{ id: globalId('Book', 'b1') }]);
  });

  it('passes unmarked ids through unchanged', async () => {
    expect((await run(`{ echo(ids: ["anything"]) }`)).data.echo).toEqual(['anything']);
  });

  it('refuses an id of another type, or one it did not issue, before the resolver runs', async () => {
    const wrong = await run(`query($f: BookFilter!) { search(filter: $f) { id } }`, { f: { nested: { shelfIds: ['x', globalId('Book', 'b1')] } } });
    expect(seen).toEqual([]);
    expect(wrong.errors[0]).toMatchObject({ message: 'filter.nested.shelfIds[0] is not an id this API issued: ids are opaque strings, used as received.', extensions: { code: 'BAD_USER_INPUT' } });
    const typed = await run(`query($id: ID!) { shelf(id: $id) { id } }`, { id: globalId('Book', 'b1') });
    expect(typed.errors[0].message).toBe('id must be a Shelf id, not a Book id.');
  });

  it('decodes entity references; a reference of another type finds nothing', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Shelf { id bookIds } } }`;
    const res = await run(query, { r: [{ __typename: 'Shelf', id: globalId('Shelf', 's1') }, { __typename: 'Shelf', id: globalId('Book', 's1') }] });
    expect(seen).toEqual([{ __typename: 'Shelf', id: 's1' }]);
    expect(res.data._entities).toEqual([{ id: globalId('Shelf', 's1'), bookIds: [globalId('Book', 'b1'), globalId('Book', 'b2')] }, null]);
  });

  it('refuses a mark on anything but an ID when the schema is built', () => {
    const bad = `${DIRECTIVE} type Query { shelf(name: String @globalId(type: "Shelf")): Int }`;
    expect(() => withGlobalIds(buildSubgraphSchema({ typeDefs: parse(bad) }))).toThrow('@globalId on Query.shelf(name), which is not an ID');
  });
});
