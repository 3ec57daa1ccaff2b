// What an operation costs before it runs, in the model Apollo Router's demand control uses (the
// IBM GraphQL cost directives, which the subgraphs' SDL carries and composition keeps in the
// supergraph): a field returning an object costs 1 (a root mutation field 10), a scalar, an enum
// and __typename cost nothing; `@cost(weight:)` overrides that. A list multiplies what it holds by
// its size: the slicing argument its `@listSize` names (`first`/`last`, literal or variable; the
// argument's default when the request leaves it out), else its `assumedSize`, else a default.
// A connection's `@listSize(sizedFields: ["edges"])` sizes its edges, not its totalCount or
// facets. Of an abstract type's possible types, the costliest counts. Pure: no I/O.
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isListType,
  parse,
  valueFromASTUntyped,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface FieldCost {
  weight?: number;
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
}

/** The cost directives of a schema, by `Type.field`, and the weights of whole types by type name. */
export interface CostDirectives {
  fields: ReadonlyMap<string, FieldCost>;
  types: ReadonlyMap<string, number>;
}

/** Reads `@cost` and `@listSize` from SDL (the composed supergraph keeps them). */
export function costDirectivesFrom(sdl: string): CostDirectives {
  const fields = new Map<string, FieldCost>();
  const types = new Map<string, number>();
  const argsOf = (directive: { arguments?: readonly { name: { value: string }; value: Parameters<typeof valueFromASTUntyped>[0] }[] }) =>
    Object.fromEntries((directive.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)])) as Record<string, unknown>;
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeCost = definition.directives?.find((d) => d.name.value === 'cost');
    if (typeCost) types.set(definition.name.value, Number(argsOf(typeCost).weight));
    for (const field of definition.fields ?? []) {
      const cost: FieldCost = {};
      for (const directive of field.directives ?? []) {
        const args = argsOf(directive);
        if (directive.name.value === 'cost') cost.weight = Number(args.weight);
        if (directive.name.value === 'listSize') {
          if (typeof args.assumedSize === 'number') cost.assumedSize = args.assumedSize;
          if (Array.isArray(args.slicingArguments)) cost.slicingArguments = args.slicingArguments as string[];
          if (Array.isArray(args.sizedFields)) cost.sizedFields = args.sizedFields as string[];
        }
      }
      if (Object.keys(cost).length > 0) fields.set(`${definition.name.value}.${field.name.value}`, cost);
    }
  }
  return { fields, types };
}

/** A document's fragment definitions by name, as CostRequest takes them. */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  return Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
}

export interface CostRequest {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  /** Coerced variable values. */
  variables: Record<string, unknown>;
  directives: CostDirectives;
  /** The size of a list whose size nothing tells. */
  defaultListSize: number;
}

/** A list's size from its slicing arguments' values, for a list of lists of this field's children. */
interface Sizing {
  fields: ReadonlySet<string>;
  size: number;
}

const MUTATION_FIELD_WEIGHT = 10;

export function operationCost(request: CostRequest): number {
  const { schema, fragments, variables, directives, defaultListSize } = request;

  const included = (node: { readonly directives?: readonly DirectiveNode[] }) =>
    !getDirectiveValues(GraphQLSkipDirective, node, variables)?.if && getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;

  const applies = (typeCondition: string | undefined, type: GraphQLObjectType): boolean => {
    if (!typeCondition || typeCondition === type.name) return true;
    const condition = schema.getType(typeCondition);
    return Boolean(condition && isAbstractType(condition) && schema.isSubType(condition, type));
  };

  /** The fields a selection set asks of one concrete type, fragments flattened. */
  const fieldsFor = (selectionSet: SelectionSetNode, type: GraphQLObjectType, into: FieldNode[] = []): FieldNode[] => {
    for (const selection of selectionSet.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) into.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value, type)) fieldsFor(selection.selectionSet, type, into);
      } else {
        const fragment = fragments[selection.name.value];
        if (fragment && applies(fragment.typeCondition.name.value, type)) fieldsFor(fragment.selectionSet, type, into);
      }
    }
    return into;
  };

  /**
   * A list's size from the slicing arguments the request gives (the largest, when it gives several),
   * else from their defaults (`last` given leaves `first` at its default, which does not count).
   */
  const sizeFrom = (cost: FieldCost | undefined, node: FieldNode, args: Record<string, unknown>): number => {
    const given = new Set(
      (node.arguments ?? []).filter((a) => a.value.kind !== Kind.VARIABLE || a.value.name.value in variables).map((a) => a.name.value),
    );
    const sizes = (names: string[]) => names.map((name) => args[name]).filter((v): v is number => typeof v === 'number');
    const slicing = cost?.slicingArguments ?? [];
    const sizesGiven = sizes(slicing.filter((name) => given.has(name)));
    const candidates = sizesGiven.length > 0 ? sizesGiven : sizes(slicing);
    return candidates.length > 0 ? Math.max(0, ...candidates) : (cost?.assumedSize ?? defaultListSize);
  };

  const fieldCost = (parent: GraphQLObjectType, node: FieldNode, sizing: Sizing | undefined, isMutationRoot: boolean): number => {
    const name = node.name.value;
    const definition = parent.getFields()[name];
    if (name === '__typename' || !definition) return 0;
    const cost = directives.fields.get(`${parent.name}.${name}`);
    const named = getNamedType(definition.type);
    const weight = cost?.weight ?? directives.types.get(named.name) ?? (isMutationRoot ? MUTATION_FIELD_WEIGHT : isCompositeType(named) ? 1 : 0);
    const args = getArgumentValues(definition, node, variables);
    const childSizing = cost?.sizedFields ? { fields: new Set(cost.sizedFields), size: sizeFrom(cost, node, args) } : undefined;
    const children = node.selectionSet && isCompositeType(named) ? selectionCost(node.selectionSet, named, childSizing) : 0;
    let count = 1;
    if (sizing?.fields.has(name)) count = sizing.size;
    else if (isListType(getNullableType(definition.type)) && !cost?.sizedFields) count = sizeFrom(cost, node, args);
    return count * (weight + children);
  };

  const selectionCost = (selectionSet: SelectionSetNode, type: GraphQLCompositeType, sizing?: Sizing, isMutationRoot = false): number => {
    const concrete = isAbstractType(type) ? schema.getPossibleTypes(type) : [type as GraphQLObjectType];
    return Math.max(0, ...concrete.map((t) => fieldsFor(selectionSet, t).reduce((sum, field) => sum + fieldCost(t, field, sizing, isMutationRoot), 0)));
  };

  const root = schema.getRootType(request.operation.operation);
  if (!root) return 0;
  return selectionCost(request.operation.selectionSet, root, undefined, request.operation.operation === 'mutation');
}
