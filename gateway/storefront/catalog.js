// Browsing: the search page with its facets (categories and option values, counted by the API
// over everything the filter matches), and the product page, where choosing a value of each
// option finds the variant with its price and availability.
import { ADD_CART_LINE, PRODUCT, SEARCH } from './api.js';
import { h, show } from './dom.js';
import { userErrorText } from './messages.js';

const PAGE_SIZE = 24;

/** The search's state lives in the URL (#/?q=…&category=…&option=Size:M), so Back and links work. */
function searchHash({ q, category, options }) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (category) params.set('category', category);
  for (const option of options) params.append('option', option);
  const query = params.toString();
  return `#/${query ? `?${query}` : ''}`;
}

/** ["Size:M", "Size:L", "Colour:Red"] → [{ name: 'Size', values: ['M', 'L'] }, { name: 'Colour', values: ['Red'] }] */
function optionFilters(options) {
  const byName = new Map();
  for (const option of options) {
    const at = option.indexOf(':');
    if (at < 1) continue;
    const name = option.slice(0, at);
    byName.set(name, [...(byName.get(name) ?? []), option.slice(at + 1)]);
  }
  return [...byName].map(([name, values]) => ({ name, values }));
}

const toggled = (list, item) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

function priceText(range) {
  if (!range) return 'Not available';
  return range.min.formatted === range.max.formatted ? range.min.formatted : `${range.min.formatted} – ${range.max.formatted}`;
}

export async function renderSearch(view, { query }, ctx) {
  const state = { q: query.get('q') ?? '', category: query.get('category'), options: query.getAll('option') };
  const go = (next) => ctx.navigate(searchHash({ ...state, ...next }));
  const input = h('input', { id: 'search-q', type: 'search', name: 'q', value: state.q, autocomplete: 'off' });
  const form = h(
    'form',
    { role: 'search', class: 'search', onSubmit: (e) => (e.preventDefault(), go({ q: input.value.trim(), category: null, options: [] })) },
    h('label', { for: 'search-q' }, 'Search products'),
    input,
    h('button', { type: 'submit' }, 'Search'),
  );
  show(view, h('h1', null, 'Shop'), form, h('p', { role: 'status' }, 'Searching…'));

  const filter = {
    ...(state.q ? { search: state.q } : {}),
    ...(state.category ? { categoryId: state.category } : {}),
    ...(state.options.length ? { options: optionFilters(state.options) } : {}),
  };
  const { products } = await ctx.api(SEARCH, { filter, first: PAGE_SIZE });

  const facetButton = (label, count, pressed, onClick) =>
    h('li', null, h('button', { type: 'button', class: 'facet', 'aria-pressed': String(pressed), onClick }, `${label} (${count})`));
  const categories = products.facets.categories.length
    ? h('div', { class: 'facet-group' }, h('h3', { id: 'facet-category' }, 'Category'), h('ul', { role: 'group', 'aria-labelledby': 'facet-category' },
        products.facets.categories.map(({ category, count }) =>
          facetButton(category.name, count, state.category === category.id, () => go({ category: state.category === category.id ? null : category.id })))))
    : null;
  const options = products.facets.options.map((option, i) =>
    h('div', { class: 'facet-group' }, h('h3', { id: `facet-option-${i}` }, option.name), h('ul', { role: 'group', 'aria-labelledby': `facet-option-${i}` },
      option.values.map(({ value, count }) => {
        const key = `${option.name}:${value}`;
        return facetButton(value, count, state.options.includes(key), () => go({ options: toggled(state.options, key) }));
      }))));
  const filtered = state.category || state.options.length;

  show(
    view,
    h('h1', null, 'Shop'),
    form,
    h('div', { class: 'search-layout' },
      h('aside', { class: 'facets', 'aria-label': 'Filters' },
        h('h2', null, 'Filter'),
        categories,
        options,
        filtered ? h('button', { type: 'button', class: 'link', onClick: () => go({ category: null, options: [] }) }, 'Clear filters') : null),
      h('section', { class: 'results', 'aria-labelledby': 'results-count' },
        h('h2', { id: 'results-count', 'aria-live': 'polite' }, `${products.totalCount} ${products.totalCount === 1 ? 'product' : 'products'}`),
        h('ul', { class: 'product-grid' },
          products.edges.map(({ node }) =>
            h('li', null, h('article', { class: 'product-card' },
              node.images[0] ? h('img', { src: node.images[0].url, alt: node.images[0].altText ?? '', loading: 'lazy' }) : null,
              h('h3', null, h('a', { href: `#/product/${encodeURIComponent(node.id)}` }, node.name)),
              node.brand ? h('p', { class: 'muted' }, node.brand) : null,
              h('p', { class: 'price' }, priceText(node.priceRange)))))))),
  );
}

/** The variant that has exactly the chosen value of every option, if any. */
function variantFor(product, chosen) {
  return product.variants.find((v) => product.options.every((o) => v.options.find((x) => x.name === o.name)?.value === chosen[o.name])) ?? null;
}

export async function renderProduct(view, { match }, ctx) {
  const { product } = await ctx.api(PRODUCT, { id: decodeURIComponent(match[1]) });
  if (!product) {
    show(view, h('h1', null, 'Product not found'), h('p', null, 'We could not find that product. ', h('a', { href: '#/' }, 'Back to the shop')));
    return;
  }
  const first = product.variants.find((v) => v.availableForSale) ?? product.variants[0];
  const chosen = Object.fromEntries((first?.options ?? []).map((o) => [o.name, o.value]));
  const offer = h('div', { class: 'offer', 'aria-live': 'polite', 'data-testid': 'offer' });
  const quantity = h('input', { id: 'quantity', type: 'number', min: '1', max: '999', value: '1', inputmode: 'numeric' });
  const addButton = h('button', { type: 'submit' }, 'Add to cart');
  const result = h('div', { class: 'result' });

  const pickers = product.options.map((option, i) => {
    const select = h('select', { id: `option-${i}`, onChange: () => ((chosen[option.name] = select.value || undefined), update()) },
      h('option', { value: '' }, `Choose ${option.name}`),
      option.values.map((value) => h('option', { value }, value)));
    return { option, select, el: h('div', { class: 'field' }, h('label', { for: `option-${i}` }, option.name), select) };
  });

  function update() {
    for (const { option, select } of pickers) {
      select.value = chosen[option.name] ?? '';
      // A value no variant for sale has, with the other choices as they are, says so.
      for (const el of select.options) {
        if (!el.value) continue;
        const variant = variantFor(product, { ...chosen, [option.name]: el.value });
        el.textContent = variant?.availableForSale ? el.value : `${el.value} (unavailable)`;
      }
    }
    const variant = variantFor(product, chosen);
    addButton.disabled = !variant?.availableForSale;
    if (!variant) return show(offer, h('p', null, product.options.some((o) => !chosen[o.name]) ? 'Choose an option of each kind.' : 'This combination is not available.'));
    show(
      offer,
      h('p', { class: 'price', 'data-testid': 'variant-price' }, variant.price.formatted, variant.compareAtPrice ? h('s', { class: 'muted' }, ` ${variant.compareAtPrice.formatted}`) : null),
      h('p', { 'data-testid': 'availability' }, variant.availableForSale ? `In stock (${variant.quantityAvailable} available)` : 'Out of stock'),
      h('p', { class: 'muted' }, product.options.length ? `${variant.title} · SKU ${variant.sku}` : `SKU ${variant.sku}`),
    );
  }

  async function add(event) {
    event.preventDefault();
    const variant = variantFor(product, chosen);
    if (!variant) return;
    if (!ctx.session()) return show(result, ctx.signInPrompt('Please sign in to keep a cart.'));
    addButton.disabled = true;
    try {
      let payload = await addLine(ctx, variant.id, Number(quantity.value));
      // A cart checked out or expired meanwhile: the shopper's ACTIVE cart (or a new one) takes it.
      if (payload.userErrors.some((e) => e.code === 'CART_NOT_ACTIVE' || e.code === 'CART_NOT_FOUND')) {
        ctx.setCart(null);
        payload = await addLine(ctx, variant.id, Number(quantity.value));
      }
      if (payload.cart) ctx.setCart(payload.cart);
      show(result, payload.userErrors.length
        ? h('p', { role: 'alert', class: 'error' }, payload.userErrors.map(userErrorText).join(' '))
        : h('p', { role: 'status' }, `Added ${product.options.length ? variant.title : product.name} to your cart. `, h('a', { href: '#/cart' }, 'View cart')));
    } catch (error) {
      ctx.fail(error);
    } finally {
      update();
    }
  }

  show(
    view,
    h('p', null, h('a', { href: '#/' }, '← Back to the shop')),
    h('article', { class: 'product' },
      product.images[0] ? h('img', { class: 'product-image', src: product.images[0].url, alt: product.images[0].altText ?? '' }) : null,
      h('div', null,
        h('h1', null, product.name),
        product.brand ? h('p', { class: 'muted' }, product.brand) : null,
        product.description ? h('p', null, product.description) : null,
        h('form', { class: 'buy', 'aria-label': 'Choose and add to cart', onSubmit: add },
          pickers.map((p) => p.el),
          offer,
          h('div', { class: 'field' }, h('label', { for: 'quantity' }, 'Quantity'), quantity),
          addButton),
        result)),
  );
  update();
}

async function addLine(ctx, variantId, quantity) {
  const cart = await ctx.ensureCart();
  return (await ctx.api(ADD_CART_LINE, { cartId: cart.id, variantId, quantity })).addCartLine;
}
