// A subgraph's id boundary: resolvers and services work with raw ids (UUIDs), the wire carries
// global ids (lib/global-id.ts). Applied once to a built subgraph schema, it
//   - answers every object type's own `id` as that type's global id, and every field marked
//     `@globalId(type:)` as that type's;
//   - decodes every argument and input field marked `@globalId(type:)`, at any depth, before the
//     resolver runs, refusing an id of another type or a malformed one (BAD_USER_INPUT);
//   - decodes the id in each entity reference, where an id of another type finds nothing.
import {
  GraphQLID,
  Kind,
  defaultFieldResolver,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { globalId, parseGlobalId, rawIdOf } from './global-id.js';

export const GLOBAL_ID_DIRECTIVE = 'globalId';

type Marked = { readonly astNode?: { readonly directives?: readonly ConstDirectiveNode[] } | null };

/** The type named by an element's @globalId(type:), if it has one. */
export function globalIdTypeOf(element: Marked): string | undefined {
  const directive = element.astNode?.directives?.find((d) => d.name.value === GLOBAL_ID_DIRECTIVE);
  const type = directive?.arguments?.find((a) => a.name.value === 'type')?.value;
  return type?.kind === Kind.STRING ? type.value : undefined;
}

/** The type of global id a field answers: its mark, or for an object's own `id`, the object. */
export function outputIdType(owner: GraphQLObjectType, field: GraphQLField<unknown, unknown>): string | undefined {
  const marked = globalIdTypeOf(field);
  if (marked) return marked;
  return field.name === 'id' && getNamedType(field.type) === GraphQLID ? owner.name : undefined;
}

type Decode = (value: unknown, at: string) => unknown;

function checkIdType(type: GraphQLInputType | GraphQLOutputType, where: string): void {
  if (getNamedType(type) !== GraphQLID) throw new Error(`@${GLOBAL_ID_DIRECTIVE} on ${where}, which is not an ID`);
}

function overList(type: GraphQLInputType, decode: Decode): Decode {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (!isListType(inner)) return decode;
  const item = overList(inner.ofType, decode);
  return (value, at) => (Array.isArray(value) ? value.map((v, i) => item(v, `${at}[${i}]`)) : value == null ? value : item(value, at));
}

/** Builds the decoders of the schema's inputs, each input object type once. */
function inputDecoders() {
  const byInputType = new Map<string, Decode | null>();

  const forType = (type: GraphQLInputType, mark: string | undefined, where: string): Decode | null => {
    const named = getNamedType(type);
    if (mark) {
      checkIdType(type, where);
      return overList(type, (value, at) => (value == null ? value : rawIdOf(mark, value as string, at)));
    }
    if (!isInputObjectType(named)) return null;
    if (!byInputType.has(named.name)) {
      // A recursive input type sees its own decoder through the map once it is built.
      byInputType.set(named.name, (value, at) => byInputType.get(named.name)?.(value, at) ?? value);
      const fields = Object.values(named.getFields())
        .map((f) => [f.name, forType(f.type, globalIdTypeOf(f), `${named.name}.${f.name}`)] as const)
        .filter((entry): entry is readonly [string, Decode] => entry[1] !== null);
      byInputType.set(
        named.name,
        fields.length === 0
          ? null
          : (value, at) => {
              if (value == null || typeof value !== 'object') return value;
              const decoded: Record<string, unknown> = { ...(value as Record<string, unknown>) };
              for (const [name, decode] of fields) if (name in decoded) decoded[name] = decode(decoded[name], `${at}.${name}`);
              return decoded;
            },
      );
    }
    const decode = byInputType.get(named.name);
    return decode ? overList(type, decode) : null;
  };
  return forType;
}

const encodeAll = (value: unknown, type: string): unknown =>
  Array.isArray(value) ? value.map((v) => encodeAll(v, type)) : typeof value === 'string' ? globalId(type, value) : value;

const then = (value: unknown, f: (v: unknown) => unknown): unknown =>
  value instanceof Promise ? value.then(f) : f(value);

/** Puts the id boundary around a built subgraph schema's resolvers, in place; returns the schema. */
export function withGlobalIds(schema: GraphQLSchema): GraphQLSchema {
  const decoderFor = inputDecoders();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('_')) continue;
    for (const field of Object.values(type.getFields())) {
      const idType = outputIdType(type, field);
      if (idType) checkIdType(field.type, `${type.name}.${field.name}`);
      const args = field.args
        .map((arg) => [arg.name, decoderFor(arg.type, globalIdTypeOf(arg), `${type.name}.${field.name}(${arg.name})`)] as const)
        .filter((entry): entry is readonly [string, Decode] => entry[1] !== null);
      if (!idType && args.length === 0) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, rawArgs, context, info) => {
        let given = rawArgs;
        if (args.length > 0) {
          given = { ...rawArgs };
          for (const [name, decode] of args) if (name in given) given[name] = decode(given[name], name);
        }
        const result = resolve(source, given, context, info);
        return idType ? then(result, (value) => encodeAll(value, idType)) : result;
      };
    }
  }
  decodeEntityReferences(schema);
  return schema;
}

type ResolveReference = (reference: Record<string, unknown>, context: unknown, info: unknown) => unknown;

/**
 * An entity reference carries the global id the wire knows; the type's reference resolver (or,
 * without one, the reference itself) gets the raw id. An id of another type resolves to null.
 */
function decodeEntityReferences(schema: GraphQLSchema): void {
  const entity = schema.getType('_Entity');
  if (!isUnionType(entity)) return;
  for (const type of entity.getTypes()) {
    const extensions = type.extensions as { apollo?: { subgraph?: { resolveReference?: ResolveReference } } };
    const subgraph = ((extensions.apollo ??= {}).subgraph ??= {});
    const resolveReference = subgraph.resolveReference;
    subgraph.resolveReference = (reference, context, info) => {
      const parsed = typeof reference['id'] === 'string' ? parseGlobalId(reference['id']) : null;
      if (!parsed || parsed.type !== type.name) return null;
      const raw = { ...reference, id: parsed.rawId };
      return resolveReference ? resolveReference(raw, context, info) : raw;
    };
  }
}
