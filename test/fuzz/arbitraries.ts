// fast-check arbitraries for a mutation's variables, made from the API schema: what a careless or
// hostile client could send. Every value is mostly of its declared type (so that it reaches the
// resolvers), sometimes out of its range or of another type altogether: strings empty, huge, of
// every unicode plane, or SQL- and HTML-like; numbers negative, zero and huge; lists empty or long;
// ids unknown, malformed, of another type, or other people's.
import fc from 'fast-check';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  parse,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import { globalId } from '../../lib/global-id.js';
import { globalIdTypeOf } from '../../lib/global-id-schema.js';
import { SUBGRAPHS } from '../../lib/subgraph-names.js';
import { subgraphTypeDefs } from '../../lib/subgraph-schema.js';

/** The global id type of each `Mutation.field(arg)` and `Input.field` marked @globalId in the subgraphs' SDL. */
export function globalIdTypes(): Map<string, string> {
  const types = new Map<string, string>();
  const mark = (key: string, node: Parameters<typeof globalIdTypeOf>[0]['astNode']) => {
    const type = globalIdTypeOf({ astNode: node });
    if (type) types.set(key, type);
  };
  for (const name of SUBGRAPHS) {
    for (const definition of parse(subgraphTypeDefs(name)).definitions) {
      if (!('fields' in definition) || !definition.fields) continue;
      for (const field of definition.fields) {
        const key = `${definition.name.value}.${field.name.value}`;
        mark(key, field);
        for (const arg of 'arguments' in field ? (field.arguments ?? []) : []) mark(`${key}(${arg.name.value})`, arg);
      }
    }
  }
  return types;
}

/** Ids the fuzzer may use: those of the test's own objects, by type (the owner's and other people's alike). */
export type IdPool = Record<string, string[]>;

const HUGE = 'ﾟ'.repeat(20_000);
const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  "'; DROP TABLE product; --",
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '../../etc/passwd',
  '𝕳𝖊𝖑𝖑𝖔 🛒 مرحبا',
  '\u202Eevil',
  'NaN',
  '-1',
  HUGE,
);
const text = fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) }, { weight: 2, arbitrary: nasty });
const int = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.integer(), fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648));
const safeInt = fc.oneof(int, fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 10 ** 12));
/** A value of some other type than the one declared. */
const wrongType = fc.oneof(fc.constant(null), fc.boolean(), fc.double(), fc.constant({ a: 1 }), fc.constant([1, 'x']), fc.string({ maxLength: 5 }));

function scalar(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'Int':
      return int;
    case 'SafeInt':
      return safeInt;
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true }), int);
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom('2026-13-40T99:00:00Z', '0000-01-01T00:00:00Z', 'yesterday'), text);
    case 'URL':
      return fc.oneof(fc.webUrl(), fc.constantFrom('http://127.0.0.1:1/x', 'file:///etc/passwd', 'javascript:alert(1)', 'https://shop.example/p'), text);
    case 'CountryCode':
      return fc.oneof(fc.constantFrom('US', 'DE', 'GB', 'XX', 'us', 'USA'), text);
    default:
      return text;
  }
}

function idArbitrary(type: string | undefined, pool: IdPool): fc.Arbitrary<unknown> {
  const all = Object.values(pool).flat();
  const own = type ? (pool[type] ?? []) : [];
  return fc.oneof(
    { weight: own.length > 0 ? 6 : 0, arbitrary: own.length > 0 ? fc.constantFrom(...own) : fc.constant('') },
    { weight: 2, arbitrary: fc.constantFrom(...all) },
    { weight: 2, arbitrary: fc.constant(type ?? 'Product').map((t) => globalId(t, randomUUID())) },
    { weight: 1, arbitrary: text },
  );
}

function valueOf(type: GraphQLInputType, idType: string | undefined, pool: IdPool, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, idType, pool, depth);
  if (isListType(type)) {
    const item = valueOf(type.ofType, idType, pool, depth + 1);
    return fc.oneof({ weight: 4, arbitrary: fc.array(item, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.array(item, { minLength: 50, maxLength: 120 }) });
  }
  if (isEnumType(type)) return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) }, { weight: 1, arbitrary: text });
  if (isScalarType(type)) return type.name === 'ID' ? idArbitrary(idType, pool) : scalar(type.name);
  if (isInputObjectType(type) && depth < 4) {
    const fields = Object.values(type.getFields());
    return fc.record(
      Object.fromEntries(fields.map((f) => [f.name, fieldValue(f, `${type.name}.${f.name}`, pool, depth + 1)])),
      { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) },
    );
  }
  return fc.constant(null);
}

let idTypes: Map<string, string> | undefined;

function fieldValue(field: GraphQLArgument | GraphQLInputField, key: string, pool: IdPool, depth: number): fc.Arbitrary<unknown> {
  idTypes ??= globalIdTypes();
  const declared = valueOf(field.type, idTypes.get(key), pool, depth);
  return fc.oneof({ weight: 19, arbitrary: declared }, { weight: 1, arbitrary: wrongType });
}

/** The variables of one call of `Mutation.<name>(args)`: one per argument, named as the argument. */
export function variablesFor(name: string, args: readonly GraphQLArgument[], pool: IdPool): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    Object.fromEntries(args.map((a) => [a.name, fieldValue(a, `Mutation.${name}(${a.name})`, pool, 0)])),
    { requiredKeys: args.filter((a) => isNonNullType(a.type)).map((a) => a.name) },
  );
}
