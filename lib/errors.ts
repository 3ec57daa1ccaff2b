import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger.js';
import { IllegalTransition } from './state-machine.js';

/** A business failure returned in a payload's userErrors, never thrown. */
export interface UserError<Code extends string = string> {
  field: string[] | null;
  message: string;
  code: Code;
}

export function userError<Code extends string>(code: Code, message: string, field?: readonly string[] | null): UserError<Code> {
  return { code, message, field: field ? [...field] : null };
}

/** Thrown inside a service to roll a transaction back and answer with userErrors. */
export class UserErrorsException<Code extends string = string> extends Error {
  constructor(readonly userErrors: UserError<Code>[]) {
    super(userErrors.map((e) => e.message).join('; '));
  }
}

/**
 * The one way a service refuses: throws one userError, so the write stops, its transaction rolls
 * back and the payload carries the error. A context binds it to its code enum
 * (`export const refuse = refuseWith<CartErrorCode>`); several errors at once come from an
 * InputChecker.
 */
export function refuse<Code extends string>(code: Code, message: string, field?: readonly string[]): never {
  throw new UserErrorsException([userError(code, message, field)]);
}

export function forbidden(message = 'You are not allowed to do this'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 200 } } });
}

export function unauthenticated(message = 'Sign in required'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'QUERY_TOO_COSTLY',
  'NOT_FOUND',
  'TOO_MANY_SUBSCRIPTIONS',
]);

/**
 * Errors the client caused pass through unchanged (without stack traces); anything else is a bug
 * or an outage: it is logged in full and the client sees only a generic message.
 */
export function maskErrors(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log.error({ err: error, path: formatted.path }, 'unexpected error while resolving');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * Runs a mutation's service call and shapes its payload: `{ [key]: result, userErrors: [] }`,
 * or `{ [key]: null, userErrors }` when the service refused with userErrors or a lifecycle
 * refused a transition (ILLEGAL_TRANSITION).
 */
export async function toPayload<K extends string, T, Code extends string = string>(
  key: K,
  run: () => Promise<T>,
): Promise<Record<K, T | null> & { userErrors: UserError<Code>[] }> {
  try {
    const value = await run();
    return { [key]: value, userErrors: [] } as unknown as Record<K, T | null> & { userErrors: UserError<Code>[] };
  } catch (err) {
    const userErrors = userErrorsOf(err);
    if (!userErrors) throw err;
    return { [key]: null, userErrors } as unknown as Record<K, T | null> & { userErrors: UserError<Code>[] };
  }
}

/** The userErrors a refusal stands for, or null when the error is a bug or an outage. */
function userErrorsOf(err: unknown): UserError[] | null {
  if (err instanceof UserErrorsException) return err.userErrors;
  if (err instanceof IllegalTransition) return [userError(err.code, err.message, err.field)];
  return null;
}
