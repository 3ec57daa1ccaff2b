// The id contract, over each subgraph's own schema (where the @globalId marks are; composition
// drops them): every ID names its type, so that the boundary (lib/global-id-schema.ts) encodes
// and decodes it, and every entity can be fetched again with node(id:).
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLID, getNamedType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, parse, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { globalIdTypeOf, outputIdType, withGlobalIds } from '../lib/global-id-schema.js';
import { SUBGRAPHS } from '../lib/subgraph-names.js';
import { subgraphTypeDefs } from '../lib/subgraph-schema.js';
import { composeSupergraph } from './composition.js';

/** IDs that are not ours to type: the auth subject (a person is not an object of this API), and node's own arguments, which take any Node. */
const UNTYPED = new Set([
  'PromotionEvaluationInput.personId',
  'ReservePromotionRedemptionsInput.personId',
  'BeginCartCheckoutInput.personId',
  'CartCheckout.personId',
  'Order.personId',
  'OrderFilter.personId',
  'CustomerSubscription.personId',
  'PlaceSubscriptionOrderInput.personId',
  'CustomerSubscriptionFilter.personId',
  'Query.personalDataErasure(personId)',
  'ErasePersonalDataInput.personId',
  'Query.node(id)',
  'Query.nodes(ids)',
]);

const composition = composeSupergraph();
if ('errors' in composition) throw new Error(composition.errors.join('\n'));
const api = composition.apiSchema();
const subgraphs = SUBGRAPHS.map((name) => ({ name, schema: buildSubgraphSchema({ typeDefs: parse(subgraphTypeDefs(name)) }) }));

/** Every ID-typed field, argument and input field of a schema, with the type it names or undefined. */
function idsOf(schema: GraphQLSchema): { at: string; names: string | undefined }[] {
  const found: { at: string; names: string | undefined }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('_')) continue;
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type) === GraphQLID) found.push({ at: `${type.name}.${field.name}`, names: outputIdType(type, field) });
        for (const arg of field.args) if (getNamedType(arg.type) === GraphQLID) found.push({ at: `${type.name}.${field.name}(${arg.name})`, names: globalIdTypeOf(arg) });
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type) === GraphQLID) found.push({ at: `${type.name}.${field.name}`, names: globalIdTypeOf(field) });
      }
    } else if (isInterfaceType(type) && type.name !== 'Node' && Object.values(type.getFields()).some((f) => getNamedType(f.type) === GraphQLID)) {
      throw new Error(`${type.name}: an interface with ids needs a rule here`);
    }
  }
  return found;
}

describe('global ids', () => {
  it.each(subgraphs.map((s) => [s.name, s.schema] as const))('are typed everywhere in the %s subgraph', (_name, schema) => {
    const untyped = idsOf(schema).filter((id) => !id.names && !UNTYPED.has(id.at)).map((id) => id.at);
    expect(untyped).toEqual([]);
    // The boundary accepts every mark: each is on an ID.
    expect(() => withGlobalIds(buildSubgraphSchema({ typeDefs: parse(subgraphTypeDefs(_name)) }))).not.toThrow();
  });

  it('name object types of the graph that have an id', () => {
    const withId = new Set(
      subgraphs.flatMap(({ schema }) =>
        Object.values(schema.getTypeMap())
          .filter((t) => isObjectType(t) && getNamedType(t.getFields().id?.type) === GraphQLID)
          .map((t) => t.name),
      ),
    );
    const problems = subgraphs.flatMap(({ name, schema }) =>
      idsOf(schema)
        .filter((id) => id.names && !withId.has(id.names))
        .map((id) => `${name}: ${id.at} names ${id.names}`),
    );
    expect(problems).toEqual([]);
  });

  it('make every entity a Node, so that node(id:) can fetch it', () => {
    const entities = new Set(
      subgraphs.flatMap(({ schema }) => {
        const entity = schema.getType('_Entity');
        return isUnionType(entity) ? entity.getTypes().map((t) => t.name) : [];
      }),
    );
    const node = api.getType('Node');
    expect(isInterfaceType(node)).toBe(true);
    expect(api.getPossibleTypes(node as never).map((t) => t.name).sort()).toEqual([...entities].sort());
  });
});
