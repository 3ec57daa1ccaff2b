// Stripe's test payment methods (https://docs.stripe.com/testing): ids such as `pm_card_visa` that
// stand for a test card. Each use makes a new PaymentMethod (`pm_…` of its own) with that card's
// details; the card decides whether a charge succeeds.

export interface Decline {
  /** `card_declined`, or the specific code Stripe uses (`expired_card`). */
  code: string;
  declineCode: string;
  message: string;
  sellerMessage: string;
}

export interface TestCard {
  brand: 'visa' | 'mastercard' | 'amex';
  last4: string;
  funding: 'credit' | 'debit';
  /** How a charge on this card fails; none = it succeeds. */
  decline: Decline | null;
  /** Whether attaching it to a customer fails too (it does for cards declined outright). */
  declinesOnAttach: boolean;
}

const GENERIC: Decline = {
  code: 'card_declined',
  declineCode: 'generic_decline',
  message: 'Your card was declined.',
  sellerMessage: 'The bank did not return any further details with this decline.',
};

const card = (brand: TestCard['brand'], last4: string, decline: Decline | null = null, declinesOnAttach = decline !== null): TestCard => ({
  brand,
  last4,
  funding: 'credit',
  decline,
  declinesOnAttach,
});

export const TEST_CARDS: Readonly<Record<string, TestCard>> = {
  pm_card_visa: card('visa', '4242'),
  pm_card_visa_debit: { ...card('visa', '5556'), funding: 'debit' },
  pm_card_mastercard: card('mastercard', '4444'),
  pm_card_amex: card('amex', '8431'),
  pm_card_chargeDeclined: card('visa', '0002', GENERIC),
  pm_card_chargeDeclinedInsufficientFunds: card('visa', '9995', {
    code: 'card_declined',
    declineCode: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
    sellerMessage: 'The bank returned the decline code `insufficient_funds`.',
  }),
  pm_card_chargeDeclinedExpiredCard: card('visa', '0069', {
    code: 'expired_card',
    declineCode: 'expired_card',
    message: 'Your card has expired.',
    sellerMessage: 'The bank returned the decline code `expired_card`.',
  }),
  // Attaches to a customer, then every charge on it is declined: a saved card gone bad.
  pm_card_chargeCustomerFail: card('visa', '0341', GENERIC, false),
};

export const testCard = (id: string): TestCard | undefined => (Object.hasOwn(TEST_CARDS, id) ? TEST_CARDS[id] : undefined);
