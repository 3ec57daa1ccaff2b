// What a subscriber selected of an event's `order`, turned into a query the gateway runs like any
// other (its plan spans the subgraphs: a line's product name comes from the catalog). The answer
// keeps the subscriber's aliases, and every object carries __typename so that abstract types
// resolve; resolveByResponseKey then hands each field its value.
import {
  Kind,
  OperationTypeNode,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';

const ORDER_ID_VARIABLE = 'orderStatusEventOrderId';

const withTypename = <T extends SelectionSetNode | FragmentDefinitionNode | FieldNode>(node: T): T =>
  visit(node, {
    SelectionSet(set) {
      if (set.selections.some((s) => s.kind === Kind.FIELD && !s.alias && s.name.value === '__typename')) return undefined;
      return { ...set, selections: [...set.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] };
    },
  });

/** The query of one subscription's `order` selection, built once (its AST node is the key) and printed once. */
const built = new WeakMap<FieldNode, { document: DocumentNode; text: string; variableNames: readonly string[] }>();

/**
 * The query that reads, for one order, exactly what the subscriber selected under `info`'s field,
 * its text (to tell identical reads apart) and its variables.
 */
export function orderQueryFor(info: GraphQLResolveInfo): { document: DocumentNode; text: string; variables: (orderId: string) => Record<string, unknown> } {
  const node = info.fieldNodes[0]!;
  let query = built.get(node);
  if (!query) built.set(node, (query = buildOrderQuery(info)));
  const { document, text, variableNames } = query;
  const given = Object.fromEntries(variableNames.map((name) => [name, info.variableValues[name]]));
  return { document, text, variables: (orderId) => ({ ...given, [ORDER_ID_VARIABLE]: orderId }) };
}

function buildOrderQuery(info: GraphQLResolveInfo): { document: DocumentNode; text: string; variableNames: readonly string[] } {
  const selections = info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
  const fragments = new Map<string, FragmentDefinitionNode>();
  const variableNames = new Set<string>();
  const collect = (node: SelectionSetNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = info.fragments[spread.name.value];
        if (fragment && !fragments.has(fragment.name.value)) {
          fragments.set(fragment.name.value, fragment);
          collect(fragment);
        }
      },
      Variable(variable) {
        variableNames.add(variable.name.value);
      },
    });
  const selectionSet: SelectionSetNode = { kind: Kind.SELECTION_SET, selections };
  collect(selectionSet);
  const variableDefinitions: VariableDefinitionNode[] = [
    {
      kind: Kind.VARIABLE_DEFINITION,
      variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ORDER_ID_VARIABLE } },
      type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
    },
    ...(info.operation.variableDefinitions ?? []).filter((d) => variableNames.has(d.variable.name.value)),
  ];
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        name: { kind: Kind.NAME, value: 'OrderStatusEventOrder' },
        variableDefinitions,
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [
            {
              kind: Kind.FIELD,
              name: { kind: Kind.NAME, value: 'order' },
              arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'id' }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ORDER_ID_VARIABLE } } }],
              selectionSet: withTypename(selectionSet),
            },
          ],
        },
      },
      ...[...fragments.values()].map(withTypename),
    ],
  };
  return { document, text: print(document), variableNames: [...variableNames] };
}

/** Reads a field of an answer fetched with the subscriber's own selection: by its response key (alias or name). */
export const resolveByResponseKey: GraphQLFieldResolver<unknown, unknown> = (source, _args, _context, info) =>
  source && typeof source === 'object' ? (source as Record<string | number, unknown>)[info.path.key] : undefined;
