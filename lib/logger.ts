import { pino, type Logger } from 'pino';
import { currentScope } from './request-scope.js';

export type { Logger };

/** JSON logs; every line inside a request carries its request id, trace id, person id and order id. */
export function createLogger(level: string, service: string): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      return currentScope() ?? {};
    },
    redact: ['req.headers.authorization', 'authorization'],
  });
}
