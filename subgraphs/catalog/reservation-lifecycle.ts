// An inventory reservation's lifecycle (SPEC §3): stock held for an order is committed when the
// order is paid, released when it is cancelled, or expires when it stays unpaid.
import { defineMachine, onlyBy } from '../../lib/state-machine.js';
import type { ReservationStatus } from './prisma-client/client.js';

export type { ReservationStatus };

export const reservationLifecycle = defineMachine<ReservationStatus>({
  name: 'reservation',
  transitions: {
    ACTIVE: ['COMMITTED', 'RELEASED', 'EXPIRED'],
    COMMITTED: [],
    RELEASED: [],
    EXPIRED: [],
  },
  guards: {
    // The order context commits and releases; only the expiry job decides a reservation is overdue.
    'ACTIVE->COMMITTED': onlyBy('service'),
    'ACTIVE->RELEASED': onlyBy('service'),
    'ACTIVE->EXPIRED': onlyBy('system'),
  },
  // Releasing an expired reservation has nothing left to do: its stock is back already.
  settles: { RELEASED: ['EXPIRED'] },
});
