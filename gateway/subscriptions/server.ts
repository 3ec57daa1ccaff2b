// GraphQL subscriptions on the gateway: graphql-ws on /graphql (the HTTP port), over the API
// schema. Apollo Gateway does not execute subscriptions, so this serves the two root fields from
// the order context's events (order-event-hub.ts) and reads each event's `order` through the
// gateway itself, with the subscriber's own selection and token (order-selection.ts).
// Connections authenticate on connection_init with the same rules as HTTP, close when their token
// expires, and are limited per person; documents get the HTTP limits (depth, aliases, cost).
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  buildSchema,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  parse,
  printSchema,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type FormattedExecutionResult,
  type GraphQLFieldResolver,
  type ExecutionResult,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { CloseCode, type Context } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import { Gauge, Histogram, type Registry } from 'prom-client';
import { WebSocketServer, type WebSocket } from 'ws';
import { hasRole, type Authenticate, type Viewer } from '../../lib/auth.js';
import { maskErrors } from '../../lib/errors.js';
import { globalId, parseGlobalId } from '../../lib/global-id.js';
import type { Logger } from '../../lib/logger.js';
import type { RedisClient } from '../../lib/redis.js';
import type { GatewaySettings } from '../config.js';
import { fragmentsOf, operationCost, type CostDirectives } from '../../lib/query-cost.js';
import { DEFAULT_LIST_SIZE, tooCostly } from '../../lib/query-limits.js';
import { REFRESH_MS, connectionSlots } from './connection-slots.js';
import { OrderEventHub, type OrderStatusChange } from './order-event-hub.js';
import { orderQueryFor, resolveByResponseKey } from './order-selection.js';
import { TimeoutError, withTimeout } from '../../lib/time.js';

/** Runs an operation through the gateway as the subscriber (their token, the HTTP plugins). */
export type RunOperation = (
  document: DocumentNode,
  variables: Record<string, unknown>,
  as: { authorization: string; viewer: Viewer },
) => Promise<FormattedExecutionResult<Record<string, unknown>>>;

export interface SubscriptionOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  runOperation: RunOperation;
  authenticate: Authenticate;
  redis: RedisClient;
  /** The order context's event stream. */
  orderEvents: string;
  /** Redis key prefix of this deployment. */
  prefix: string;
  settings: GatewaySettings;
  /** The HTTP endpoint's depth, alias, token and directive rules (GraphQL Armor). */
  validationRules: readonly ValidationRule[];
  costDirectives: CostDirectives;
  log: Logger;
  registry: Registry;
}

/** What one connection knows once it is acknowledged. */
interface Connection {
  id: string;
  authorization: string;
  viewer: Viewer;
  expiry?: NodeJS.Timeout;
}

/** What one subscription's resolvers share. */
interface SubscriptionContext {
  connection: Connection;
  /** The changes it follows, registered before its snapshot was read. */
  changes: AsyncIterableIterator<OrderStatusChange>;
  snapshot: EventPayload | null;
  /** When the change being sent happened (delivery latency). */
  sending?: string;
}

interface EventPayload {
  orderId: string;
  previousStatus: string | null;
  status: string;
  occurredAt: string;
  snapshot: boolean;
  /** The change it announces (none for a snapshot): the subscribers of one change share their reads of the order. */
  change?: OrderStatusChange;
}

type Extra = { socket: WebSocket; connection?: Connection };

const refusal = (message: string, code: string) => [new GraphQLError(message, { extensions: { code } })];
/** How long a new subscription waits for the event stream to be read before it is refused. */
const READY_TIMEOUT_MS = 5000;
/** How long shutdown waits for subscribers to answer the close frame. */
const CLOSE_GRACE_MS = 1000;
/** WebSocket's "Try Again Later" (RFC 6455 registry): graphql-ws clients retry it with back-off. */
const TRY_AGAIN_LATER = 1013;

export function serveSubscriptions(options: SubscriptionOptions): { hub: OrderEventHub; close(): Promise<void> } {
  const { settings, log, runOperation } = options;
  // The API schema without Apollo Gateway's resolvers (which read every field by its alias from
  // the query plan's answer): these fields are resolved here.
  const schema = buildSchema(printSchema(options.schema));
  const hub = new OrderEventHub(options.redis, options.orderEvents, log, `${options.prefix}:gateway-order-events`);
  const slots = connectionSlots(options.redis, options.prefix, settings.WS_MAX_CONNECTIONS_PER_PERSON);
  const open = new Set<Connection>();
  const rules = [...specifiedRules, ...options.validationRules];
  const mask = maskErrors(log);
  const metrics = subscriptionMetrics(options.registry, hub, open);

  const closeWith = (socket: WebSocket, code: number, reason: string) => {
    socket.close(code, reason);
    return false as const;
  };

  const onConnect = async (ctx: Context<Record<string, unknown> | undefined, Extra>) => {
    const { socket } = ctx.extra;
    const authorization = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
    if (typeof authorization !== 'string') return closeWith(socket, CloseCode.Unauthorized, 'Sign in first: send { authorization: "Bearer <token>" } in connection_init');
    let viewer: Viewer | null;
    try {
      viewer = await options.authenticate(authorization);
    } catch (err) {
      return closeWith(socket, CloseCode.Unauthorized, err instanceof Error ? err.message : 'Token is invalid');
    }
    if (!viewer) return closeWith(socket, CloseCode.Unauthorized, 'Token is invalid');
    const connection: Connection = { id: randomUUID(), authorization, viewer };
    // The client may have gone while the token was checked: it holds no slot then.
    if (socket.readyState !== socket.OPEN) return false;
    // Without Redis nothing could be counted nor streamed: the client is told at once to come back.
    const slot = await slots.acquire(viewer.personId, connection.id);
    if (slot === 'unavailable') {
      log.warn({ personId: viewer.personId }, 'WebSocket connection refused for now: Redis cannot count it');
      return closeWith(socket, TRY_AGAIN_LATER, 'Live updates are unavailable for a moment (their event store is unreachable): try again shortly');
    }
    if (slot === 'full') return closeWith(socket, CloseCode.Forbidden, `Too many open connections: at most ${settings.WS_MAX_CONNECTIONS_PER_PERSON} per person`);
    // Gone while the slot was taken: graphql-ws ran onClose already, with no connection to release.
    if (socket.readyState !== socket.OPEN) {
      await slots.release(viewer.personId, connection.id);
      return false;
    }
    const exp = decodeJwt(authorization.replace(/^Bearer\s+/i, '')).exp;
    if (exp) connection.expiry = setTimeout(() => socket.close(CloseCode.Unauthorized, 'Token expired'), Math.min(exp * 1000 - Date.now(), 2 ** 31 - 1));
    ctx.extra.connection = connection;
    open.add(connection);
    return true;
  };

  const authorizeAndListen = async (connection: Connection, field: string, args: Record<string, unknown>): Promise<SubscriptionContext | readonly GraphQLError[]> => {
    const { viewer, authorization } = connection;
    if (field === 'myOrderUpdates') {
      // As myOrders: a person's own orders; a service token names no person.
      if (!hasRole(viewer, 'customer', 'support', 'admin')) return refusal('Only a signed-in person follows their own orders', 'FORBIDDEN');
      const { changes, ready } = hub.listen({ personId: viewer.personId });
      if (!(await settles(ready))) return unavailable(changes);
      return { connection, changes, snapshot: null };
    }
    const orderId = String(args.orderId);
    const parsed = parseGlobalId(orderId);
    if (parsed?.type !== 'Order') return refusal('orderId must be an Order id', 'BAD_USER_INPUT');
    // Listen first, read the status after: a change in between is in one or the other.
    const { changes, ready } = hub.listen({ orderId: parsed.rawId });
    if (!(await settles(ready))) return unavailable(changes);
    const answer = await runOperation(STATUS_QUERY, { id: orderId }, { authorization, viewer });
    const order = answer.data?.order as { status: string; history: { to: string; at: string }[] } | null | undefined;
    if (!order) {
      await changes.return?.();
      if (answer.errors?.length) return answer.errors.map((e) => new GraphQLError(e.message, { extensions: e.extensions }));
      return refusal('No order you may follow has this id', 'NOT_FOUND');
    }
    const since = order.history.at(-1)?.at ?? new Date().toISOString();
    return { connection, changes, snapshot: { orderId: parsed.rawId, previousStatus: null, status: order.status, occurredAt: since, snapshot: true } };
  };

  const onSubscribe = async (ctx: Context<Record<string, unknown> | undefined, Extra>, _id: string, payload: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null }) => {
    const connection = ctx.extra.connection!;
    let document: DocumentNode;
    try {
      document = parse(payload.query);
    } catch (err) {
      return [err instanceof GraphQLError ? err : new GraphQLError('Syntax error')];
    }
    const errors = validate(schema, document, rules);
    if (errors.length > 0) return errors;
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) return refusal('Name the operation to run', 'BAD_USER_INPUT');
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION) return refusal('Only subscriptions go over WebSocket: send queries and mutations with HTTP POST /graphql', 'BAD_USER_INPUT');
    const variables = getVariables(schema, operation, payload.variables ?? {});
    if ('errors' in variables) return variables.errors;
    const cost = operationCost({ schema, operation, fragments: fragmentsOf(document), variables: variables.coerced, directives: options.costDirectives, defaultListSize: DEFAULT_LIST_SIZE });
    if (cost > settings.QUERY_MAX_COST) return [tooCostly(cost, settings.QUERY_MAX_COST)];
    // graphql-ws has registered this one already.
    if (Object.keys(ctx.subscriptions).length > settings.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION) {
      return refusal(`Too many subscriptions on this connection: at most ${settings.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION}`, 'TOO_MANY_SUBSCRIPTIONS');
    }
    const root = rootField(schema, operation, variables.coerced);
    const context = await authorizeAndListen(connection, root.name, root.args);
    if (Array.isArray(context)) return context as readonly GraphQLError[];
    return {
      schema,
      document,
      operationName: payload.operationName,
      variableValues: payload.variables ?? {},
      contextValue: context,
      subscribeFieldResolver: subscribeTo,
      fieldResolver,
    } satisfies ExecutionArgs;
  };

  const fieldResolver: GraphQLFieldResolver<unknown, SubscriptionContext> = async (source, args, context, info) => {
    if (info.parentType === schema.getSubscriptionType()) return source;
    if (info.parentType.name !== 'OrderStatusEvent') return resolveByResponseKey(source, args, context, info);
    const event = source as EventPayload;
    if (info.fieldName !== 'order') return event[info.fieldName as keyof EventPayload];
    const answer = await readOrder(event, info, context.connection);
    const error = answer.errors?.[0];
    if (error) throw new GraphQLError(error.message, { extensions: error.extensions });
    if (!answer.data?.order) throw new GraphQLError('This order can no longer be read by you', { extensions: { code: 'NOT_FOUND' } });
    return answer.data.order;
  };

  /**
   * The order as one subscriber selected it, read through the gateway as that subscriber. The
   * subscribers of one change who ask the same thing as the same person and roles (a person's
   * devices, a wall of support screens) share one read.
   */
  const reads = new WeakMap<OrderStatusChange, Map<string, ReturnType<RunOperation>>>();
  const readOrder = (event: EventPayload, info: Parameters<GraphQLFieldResolver<unknown, unknown>>[3], connection: Connection) => {
    const query = orderQueryFor(info);
    const variables = query.variables(globalId('Order', event.orderId));
    const run = () => runOperation(query.document, variables, connection);
    if (!event.change) return run();
    let shared = reads.get(event.change);
    if (!shared) reads.set(event.change, (shared = new Map()));
    const key = `${connection.viewer.personId}\n${[...connection.viewer.roles].sort().join(',')}\n${query.text}\n${JSON.stringify(variables)}`;
    let answer = shared.get(key);
    if (!answer) shared.set(key, (answer = run()));
    return answer;
  };

  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql' });
  const server = useServer<Record<string, unknown> | undefined, Extra>(
    {
      onConnect,
      onSubscribe: onSubscribe as never,
      onNext: (_ctx, _id, _payload, args, result) => {
        const context = args.contextValue as SubscriptionContext;
        if (context.sending) metrics.delivered.observe((Date.now() - Date.parse(context.sending)) / 1000);
        context.sending = undefined;
        return formatResult(result, mask);
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => mask(error.toJSON(), error)),
      onClose: async (ctx) => {
        const connection = ctx.extra.connection;
        if (!connection) return;
        open.delete(connection);
        clearTimeout(connection.expiry);
        await slots.release(connection.viewer.personId, connection.id).catch((err: Error) => log.warn({ err: err.message }, 'could not release a connection slot; it lapses within a minute'));
      },
    },
    wss,
  );
  const refresh = setInterval(() => {
    const connections = [...open].map((c) => ({ personId: c.viewer.personId, connectionId: c.id }));
    slots.refresh(connections).catch((err: Error) => log.warn({ err: err.message }, 'could not refresh connection slots'));
  }, REFRESH_MS);
  refresh.unref();
  return {
    hub,
    async close() {
      clearInterval(refresh);
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      // The server closes once every socket has; one whose peer never answers the close frame
      // (gone, or still reconnecting) would hold shutdown for ws's 30 s: it is cut after a second.
      const cut = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
      }, CLOSE_GRACE_MS);
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      clearTimeout(cut);
      await hub.close();
    },
  };
}

const STATUS_QUERY = parse('query OrderStatusSnapshot($id: ID!) { order(id: $id) { status history { to at } } }');

/** Whether the listener is ready in time; a listener that failed throws. */
async function settles(ready: Promise<void>): Promise<boolean> {
  try {
    await withTimeout(ready, READY_TIMEOUT_MS);
    return true;
  } catch (err) {
    if (err instanceof TimeoutError) return false;
    throw err;
  }
}

async function unavailable(changes: AsyncIterableIterator<OrderStatusChange>) {
  await changes.return?.();
  return refusal('Live order updates are unavailable right now: try again shortly', 'SERVICE_UNAVAILABLE');
}

/** The subscription's source: its snapshot first when it has one, then each change. */
const subscribeTo: GraphQLFieldResolver<unknown, SubscriptionContext> = (_source, _args, context) => {
  const { changes } = context;
  let snapshot = context.snapshot;
  const events: AsyncIterableIterator<EventPayload> = {
    [Symbol.asyncIterator]: () => events,
    async next() {
      if (snapshot) {
        const value = snapshot;
        snapshot = null;
        return { value, done: false };
      }
      const next = await changes.next();
      if (next.done) return { value: undefined, done: true };
      const change = next.value;
      context.sending = change.at;
      return { value: { orderId: change.orderId, previousStatus: change.from, status: change.to, occurredAt: change.at, snapshot: false, change }, done: false };
    },
    return: async () => {
      await changes.return?.();
      return { value: undefined, done: true };
    },
    throw: async (err: unknown) => {
      await changes.return?.();
      throw err;
    },
  };
  return events;
};

function getVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, given: Record<string, unknown>) {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], given);
  return result.errors ? { errors: result.errors } : { coerced: result.coerced };
}

/** The one root field of a subscription (validation made sure there is exactly one) and its arguments. */
function rootField(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): { name: string; args: Record<string, unknown> } {
  const first = (set: SelectionSetNode): FieldNode | undefined => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) return selection;
      if (selection.kind === Kind.INLINE_FRAGMENT) return first(selection.selectionSet);
    }
    return undefined;
  };
  const node = first(operation.selectionSet);
  const field = node && schema.getSubscriptionType()?.getFields()[node.name.value];
  if (!node || !field) return { name: '', args: {} };
  return { name: field.name, args: getArgumentValues(field, node, variables) };
}

/** A message's payload with its errors masked as HTTP's are (no internals, no stack traces). */
function formatResult(result: ExecutionResult, mask: ReturnType<typeof maskErrors>): FormattedExecutionResult {
  return {
    ...(result.data !== undefined ? { data: result.data } : {}),
    ...(result.errors ? { errors: result.errors.map((error) => mask(error.toJSON(), error)) } : {}),
  };
}

function subscriptionMetrics(registry: Registry, hub: OrderEventHub, open: ReadonlySet<unknown>) {
  new Gauge({
    name: 'graphql_ws_connections',
    help: 'WebSocket connections acknowledged by this gateway',
    registers: [registry],
    collect() {
      this.set(open.size);
    },
  });
  new Gauge({
    name: 'graphql_subscriptions',
    help: 'Order subscriptions this gateway serves',
    registers: [registry],
    collect() {
      this.set(hub.listenerCount);
    },
  });
  return {
    delivered: new Histogram({
      name: 'order_status_delivery_seconds',
      help: 'From an order status change being recorded to its message being sent to a subscriber',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
  };
}
