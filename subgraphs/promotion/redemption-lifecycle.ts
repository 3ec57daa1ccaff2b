// A promotion redemption's lifecycle (SPEC §3): one use held at checkout, confirmed when the
// order is paid, released when it is cancelled or expires. A confirmed use is released too when a
// paid order is cancelled with a refund: the shopper gets the code back.
import { defineMachine, onlyBy } from '../../lib/state-machine.js';
import type { RedemptionStatus } from './prisma-client/client.js';

export type { RedemptionStatus };

export const redemptionLifecycle = defineMachine<RedemptionStatus>({
  name: 'promotion redemption',
  transitions: {
    RESERVED: ['CONFIRMED', 'RELEASED'],
    CONFIRMED: ['RELEASED'],
    RELEASED: [],
  },
  // Only the order context, which holds the order's state, moves its redemptions.
  guards: {
    'RESERVED->CONFIRMED': onlyBy('service'),
    'RESERVED->RELEASED': onlyBy('service'),
    'CONFIRMED->RELEASED': onlyBy('service'),
  },
});
