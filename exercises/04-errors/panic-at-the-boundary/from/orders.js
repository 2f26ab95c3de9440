// An order endpoint: parseOrder throws BadRequest, one try/catch per request sorts out what arrives.
// Run: node orders.js
class BadRequest extends Error {}
class OutOfStock extends Error {}

function parseOrder(body) {
  const form = new URLSearchParams(body);
  const sku = form.get('sku');
  if (!sku) throw new BadRequest('missing sku');
  const qty = Number(form.get('qty'));
  if (!Number.isInteger(qty) || qty < 1 || qty > 100) {
    throw new BadRequest(`qty ${JSON.stringify(form.get('qty'))} is not a whole number from 1 to 100`);
  }
  return { sku, qty };
}

function handle(body, place) {
  try {
    const order = parseOrder(body);
    return { status: 201, body: place(order) };
  } catch (err) {
    if (err instanceof BadRequest) return { status: 400, body: err.message };
    if (err instanceof OutOfStock) return { status: 409, body: err.message };
    console.error('handle order:', err); // logs the stack; a TypeError from a bug lands here too
    return { status: 500, body: 'internal error' };
  }
}

const stock = { tea: 5 };
function place({ sku, qty }) {
  if (stock[sku] < qty) throw new OutOfStock(`${qty} x ${sku}: out of stock`);
  stock[sku] -= qty;
  return `order-${sku}-${qty}`;
}

for (const body of ['sku=tea&qty=2', 'sku=tea&qty=lots', 'sku=tea&qty=9']) {
  console.log(body, handle(body, place));
}
console.log('bug', handle('sku=tea&qty=1', () => null.id)); // TypeError: a bug, answered with a 500
