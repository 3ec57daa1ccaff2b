// The storefront: reads its settings, keeps the shopper's session (dev sign-in) and cart, and
// routes #/… to the views: search (catalog.js), product (catalog.js), cart and checkout (cart.js,
// checkout.js), orders (order.js). Everything goes through the public API (api.js).
import { createApi, CREATE_CART, MY_CART } from './api.js';
import { renderCart } from './cart.js';
import { renderProduct, renderSearch } from './catalog.js';
import { renderCheckout } from './checkout.js';
import { h, show } from './dom.js';
import { closeLive } from './live.js';
import { failureText, userErrorText } from './messages.js';
import { renderOrder, renderOrders } from './order.js';

const SESSION_KEY = 'storefront.session';

function readSession() {
  try {
    const saved = JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null');
    return saved && typeof saved.personId === 'string' ? saved : null;
  } catch {
    return null;
  }
}

/** The shopper signed in now: a token that has not expired, else null. */
function activeSession(saved) {
  return saved?.token && Date.parse(saved.expiresAt) > Date.now() ? saved : null;
}

const ROUTES = [
  [/^\/?$/, renderSearch],
  [/^\/product\/([^/]+)$/, renderProduct],
  [/^\/cart$/, renderCart],
  [/^\/checkout$/, renderCheckout],
  [/^\/orders$/, renderOrders],
  [/^\/order\/([^/]+)$/, renderOrder],
];

async function start() {
  const config = await (await fetch('/storefront/config.json')).json();
  let session = activeSession(readSession());
  let cart = null;
  // The read of the shopper's cart under way (after sign-in), which a first add to cart waits for.
  let cartLoad = null;
  let leave = null;
  let visits = 0;
  const notice = document.getElementById('notice');
  const main = document.getElementById('view');

  const ctx = {
    config,
    api: createApi(config.graphqlPath, () => session?.token),
    session: () => session,
    cart: () => cart,
    setCart(next) {
      cart = next && next.status === 'ACTIVE' ? next : null;
      document.querySelector('[data-testid="cart-count"]').textContent = String(cart?.itemCount ?? 0);
    },
    /** The shopper's ACTIVE cart, made when there is none. */
    async ensureCart() {
      await cartLoad;
      if (cart) return cart;
      const { createCart } = await ctx.api(CREATE_CART);
      if (!createCart.cart) throw Object.assign(new Error(createCart.userErrors.map(userErrorText).join(' ')), { kind: 'refused' });
      ctx.setCart(createCart.cart);
      return createCart.cart;
    },
    notify(message) {
      notice.textContent = message;
      notice.hidden = !message;
    },
    /** Shows why a request failed; an ended session signs the shopper out and redraws the page for a guest. */
    fail(error) {
      if (error?.kind === 'unauthenticated' && session) {
        signOut();
        route();
      }
      ctx.notify(failureText(error));
    },
    navigate(hash) {
      if (location.hash === hash) route();
      else location.hash = hash;
    },
    /** What a view shows instead of itself to a shopper who is not signed in. */
    signInPrompt(why) {
      return h('section', { class: 'panel' }, h('p', null, why), config.devSignIn ? h('button', { type: 'button', onClick: signIn }, 'Sign in (dev)') : null);
    },
  };

  async function signIn() {
    try {
      const res = await fetch('/dev/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ personId: readSession()?.personId }),
      });
      if (!res.ok) throw Object.assign(new Error('sign-in refused'), { kind: 'server' });
      session = await res.json();
      localStorage.setItem(SESSION_KEY, JSON.stringify(session));
    } catch (error) {
      ctx.fail(error.kind ? error : { kind: 'network' });
      return;
    }
    renderSession();
    const visit = visits;
    await loadCart();
    // The page is drawn again for the shopper signed in, unless they went on meanwhile: that visit drew it so.
    if (visit === visits) route();
  }

  function signOut() {
    // The person id stays, so that signing in again is the same shopper with the same cart and orders.
    if (session) localStorage.setItem(SESSION_KEY, JSON.stringify({ personId: session.personId }));
    session = null;
    closeLive();
    ctx.setCart(null);
    renderSession();
  }

  function renderSession() {
    const box = document.getElementById('session');
    if (session) {
      show(box, h('span', { 'data-testid': 'signed-in-as' }, 'Signed in as ', h('strong', null, session.personId)), h('button', { type: 'button', onClick: () => (signOut(), route()) }, 'Sign out'));
    } else if (config.devSignIn) {
      show(box, h('button', { type: 'button', onClick: signIn }, 'Sign in (dev)'));
    } else {
      show(box, h('span', null, 'Sign-in is not available here'));
    }
  }

  function loadCart() {
    cartLoad = (async () => {
      if (!session) return ctx.setCart(null);
      try {
        ctx.setCart((await ctx.api(MY_CART)).myCart);
      } catch (error) {
        ctx.fail(error);
      }
    })();
    return cartLoad;
  }

  async function route() {
    const visit = ++visits;
    leave?.();
    leave = null;
    ctx.notify('');
    const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
    const [pattern, render] = ROUTES.find(([p]) => p.test(path)) ?? ROUTES[0];
    const params = { match: pattern.exec(path) ?? [], query: new URLSearchParams(query) };
    // Each visit draws into its own element, so a slow answer for a page already left draws nowhere.
    const view = h('div', { class: 'view' });
    show(main, view);
    try {
      const stop = await render(view, params, ctx);
      // A view that follows something live answers how to stop; a visit already left stops at once.
      if (visit === visits) leave = stop ?? null;
      else stop?.();
    } catch (error) {
      if (visit === visits) ctx.fail(error);
    }
  }

  window.addEventListener('hashchange', route);
  // The skip link moves focus without touching the hash, which is the router's.
  document.querySelector('.skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  renderSession();
  await loadCart();
  await route();
}

start().catch(() => {
  document.getElementById('view').textContent = 'The shop could not start. Please reload the page.';
});
