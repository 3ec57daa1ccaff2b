// Live order status over the gateway's WebSocket: graphql-ws on the same path as HTTP (/graphql),
// the bearer token in connectionParams. orderStatusChanged answers a snapshot of the status
// first and then each change; after a reconnect the new snapshot says where the order is now,
// so nothing missed while offline stays missed.

let shared = null;

function socketUrl(path) {
  const url = new URL(path, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/** One connection for the signed-in shopper, opened while something is followed (lazy). */
function clientFor(websocketPath, token) {
  if (shared?.token === token) return shared.client;
  shared?.client.dispose();
  const client = window.graphqlWs.createClient({
    url: socketUrl(websocketPath),
    connectionParams: () => ({ authorization: `Bearer ${token}` }),
    lazy: true,
    retryAttempts: 30,
    // A dropped connection (a deploy, a network change) is worth trying again, whatever closed it.
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries) + Math.random() * 300)),
  });
  shared = { token, client };
  return client;
}

/** Closes the connection (on sign-out). */
export function closeLive() {
  shared?.client.dispose();
  shared = null;
}

/**
 * Follows an order: onEvent(OrderStatusEvent) for each message; onState('connecting' | 'live' |
 * 'reconnecting' | 'unavailable' | 'unauthenticated'). Returns a function that stops following.
 */
export function followOrder({ websocketPath, token, query, orderId, onEvent, onState }) {
  if (!window.graphqlWs) {
    onState('unavailable');
    return () => {};
  }
  const client = clientFor(websocketPath, token);
  let stopped = false;
  onState('connecting');
  const offClosed = client.on('closed', () => stopped || onState('reconnecting'));
  const unsubscribe = client.subscribe(
    { query, variables: { orderId } },
    {
      next: ({ data }) => {
        if (stopped || !data?.orderStatusChanged) return;
        onState('live');
        onEvent(data.orderStatusChanged);
      },
      // 4401: the token expired or was refused, which no retry mends.
      error: (error) => stopped || onState(error?.code === 4401 ? 'unauthenticated' : 'unavailable'),
      complete: () => {},
    },
  );
  return () => {
    stopped = true;
    offClosed();
    unsubscribe();
  };
}
