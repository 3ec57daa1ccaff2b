// The API contract every client codes against, checked over the composed API schema (what the
// gateway serves): every mutation answers a payload with userErrors; every user error
// implements UserError and carries a code from its context's *ErrorCode enum; every code is
// described and follows the naming rule (README, "Errors").
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  findBreakingChanges,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLEnumType,
  type GraphQLObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES } from '../lib/currencies.js';
import { minorUnitDigits } from '../lib/money.js';
import { API_BASELINE_PATH, ANNOUNCED_BREAKS_PATH, composeSupergraph } from './composition.js';

const composition = composeSupergraph();
if ('errors' in composition) throw new Error(composition.errors.join('\n'));
const schema = composition.apiSchema();
const userError = schema.getType('UserError');
const errorCodeEnums = Object.values(schema.getTypeMap()).filter((t): t is GraphQLEnumType => isEnumType(t) && t.name.endsWith('ErrorCode'));

describe('the API contract', () => {
  it('answers every mutation with a payload carrying non-null userErrors of a type that implements UserError', () => {
    const problems: string[] = [];
    for (const field of Object.values(schema.getMutationType()!.getFields())) {
      const payload = getNamedType(field.type);
      const errors = isObjectType(payload) ? payload.getFields().userErrors : undefined;
      if (!errors) {
        problems.push(`${field.name}: ${payload.name} has no userErrors`);
        continue;
      }
      const list = isNonNullType(errors.type) ? errors.type.ofType : null;
      const item = list && isListType(list) && isNonNullType(list.ofType) ? list.ofType.ofType : null;
      if (!item || !isObjectType(item)) problems.push(`${field.name}: userErrors is not [X!]!`);
      else if (!item.getInterfaces().some((i) => i === userError)) problems.push(`${field.name}: ${item.name} does not implement UserError`);
    }
    expect(problems).toEqual([]);
  });

  it('gives every user error type a code from an *ErrorCode enum', () => {
    const types = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && t.getInterfaces().some((i) => i === userError));
    expect(types.map((t) => t.name).sort()).toEqual(['AffiliateUserError', 'CartUserError', 'CatalogUserError', 'OrderUserError', 'PromotionUserError', 'SubscriptionUserError']);
    for (const type of types) {
      const code = type.getFields().code;
      expect(code && isNonNullType(code.type) && isEnumType(code.type.ofType) && code.type.ofType.name.endsWith('ErrorCode'), type.name).toBe(true);
    }
  });

  it('names codes by one rule: SCREAMING_SNAKE_CASE, a missing thing is <THING>_NOT_FOUND, and each is described', () => {
    const problems: string[] = [];
    for (const type of errorCodeEnums) {
      for (const value of type.getValues()) {
        const name = `${type.name}.${value.name}`;
        if (!/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(value.name)) problems.push(`${name} is not SCREAMING_SNAKE_CASE`);
        if (value.name === 'NOT_FOUND' || value.name.startsWith('UNKNOWN_')) problems.push(`${name}: say which thing, <THING>_NOT_FOUND`);
        if (!value.description?.trim()) problems.push(`${name} has no description`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('lists in CurrencyCode exactly the currencies money may be in, each one Node can format', () => {
    const currencyCode = schema.getType('CurrencyCode') as GraphQLEnumType;
    expect(currencyCode.getValues().map((v) => v.name)).toEqual([...CURRENCY_CODES]);
    for (const code of CURRENCY_CODES) expect(minorUnitDigits(code), code).toBeGreaterThanOrEqual(0);
    expect([minorUnitDigits('USD'), minorUnitDigits('JPY'), minorUnitDigits('KWD')]).toEqual([2, 0, 3]);
  });

  it('uses one code for one meaning across the contexts', () => {
    const meanings = new Map<string, Set<string>>();
    for (const type of errorCodeEnums) {
      for (const value of type.getValues()) {
        const described = meanings.get(value.name) ?? new Set<string>();
        described.add(type.name);
        meanings.set(value.name, described);
      }
    }
    // Shared codes mean the same everywhere; these are the ones more than one context uses.
    const shared = [...meanings].filter(([, enums]) => enums.size > 1).map(([code]) => code).sort();
    expect(shared).toEqual(expect.arrayContaining(['ILLEGAL_TRANSITION', 'INVALID_INPUT', 'RATE_LIMITED', 'TOO_LONG', 'VARIANT_NOT_FOUND']));
    expect(shared).not.toContain('NOT_FOUND');
  });

  it('breaks nothing the last released contract had, unless the break is announced', () => {
    const released = buildSchema(readFileSync(API_BASELINE_PATH, 'utf8'));
    const announced = JSON.parse(readFileSync(ANNOUNCED_BREAKS_PATH, 'utf8')) as { change: string; announced: string; reason: string }[];
    const breaks = findBreakingChanges(released, schema).map((c) => c.description);
    expect(breaks.filter((b) => !announced.some((a) => a.change === b))).toEqual([]);
    // An announcement whose break is gone (released, or undone) is stale.
    expect(announced.filter((a) => !breaks.includes(a.change)).map((a) => a.change)).toEqual([]);
    for (const a of announced) expect(a.announced, a.change).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('deprecates with a reason that says what to use and when it goes', () => {
    const reasons: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      const members = isObjectType(type) || isInterfaceType(type) || isInputObjectType(type) ? Object.values(type.getFields()) : isEnumType(type) ? type.getValues() : [];
      for (const member of members) if (member.deprecationReason) reasons.push(`${type.name}.${member.name}: ${member.deprecationReason}`);
    }
    expect(reasons.filter((r) => !/Removal after \d{4}-\d{2}-\d{2}\./.test(r))).toEqual([]);
  });
});
