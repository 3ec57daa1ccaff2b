import type { RequestContext } from '../../lib/resolver-context.js';
import type { EnrolmentService } from './enrolment.js';
import type { SubscriptionLoaders } from './loaders.js';
import type { PlanService } from './plan.service.js';
import type { PrismaClient } from './prisma-client/client.js';
import type { SubscriptionActions } from './subscription-actions.service.js';

export interface SubscriptionContext extends RequestContext {
  db: PrismaClient;
  plans: PlanService;
  actions: SubscriptionActions;
  enrolment: EnrolmentService;
  /** Replaced after each write, so that its payload reads what it wrote. */
  loaders: SubscriptionLoaders;
}
