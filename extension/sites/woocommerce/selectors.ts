/**
 * WooCommerce order edit screen selectors, alternatives in order. One screen, two addresses: classic
 * (wp-admin/post.php?post=<id>&action=edit, the shop_order post type) and HPOS (wp-admin/admin.php?page=wc-orders
 * &action=edit&id=<id>, WooCommerce 7.1+, the default for new shops since 8.2). Both render the same meta boxes,
 * which are server-side PHP in WooCommerce's own repository (plugins/woocommerce/includes/admin/meta-boxes/):
 * class-wc-meta-box-order-data.php (the heading, date, status, customer, billing and shipping columns, whose edit
 * forms keep every field as an `<input id="_billing_…" value="…">`), views/html-order-items.php and
 * html-order-item.php (the items table and the totals). Brazilian Market on WooCommerce (claudiosanches/
 * woocommerce-extra-checkout-fields-for-brazil, includes/admin/class-extra-checkout-fields-for-brazil-order.php)
 * adds `_billing_cpf`, `_billing_cellphone` and friends to the same billing form, and moves phone and e-mail out of
 * the address into its "Dados do cliente" block. Ids and names are the fields' own names: stable for a decade.
 */
export const wooCommerceSelectors = {
  /** WordPress's admin wrapper (wp-admin/admin-header.php): narrowed for the sidebar. */
  wrap: ['#wpwrap'],
  /** The screen's content (wp-admin/admin-header.php), watched for changes. */
  content: ['#wpbody-content'],
  /** The classic screen edits any post type: it is an order's when the body or the form says shop_order. */
  classicOrderScreen: ['body.post-type-shop_order', 'input#post_type[value="shop_order"]'],
  /** The order data meta box (div#order_data.woocommerce-order-data). */
  orderData: ['#order_data', '.woocommerce-order-data'],
  /** Its heading: "Pedido #1234 detalhes" ("%1$s #%2$s details"), the order number after "#". */
  heading: ['.woocommerce-order-data__heading', '#order_data h2'],
  /** Date created: a Y-m-d text input, hour and minute number inputs, a hidden second (the shop's time zone). */
  date: ['input[name="order_date"]'],
  hour: ['input[name="order_date_hour"]'],
  minute: ['input[name="order_date_minute"]'],
  second: ['input[name="order_date_second"]'],
  /** The status select: wc-pending, wc-processing, wc-on-hold, wc-completed, wc-cancelled, wc-refunded, wc-failed… */
  status: ['select#order_status', 'select[name="order_status"]'],
  /** The buyer's first and last names in the billing edit form, else the shipping one (each a pair, in order). */
  names: ['#_billing_first_name, #_billing_last_name', '#_shipping_first_name, #_shipping_last_name'],
  /** The formatted billing address shown above the form, whose first line is the buyer's name (a fallback). */
  shownAddress: ['#order_data .order_data_column .address > p:not(.none_set)'],
  /** The e-mail: the billing form's field, else the address column's mailto: link. */
  email: ['#_billing_email', '#order_data a[href^="mailto:"]'],
  /** The phone: billing, Brazilian Market's cell phone, shipping (WooCommerce 5.6+), else a tel: link. */
  phone: ['#_billing_phone', '#_billing_cellphone', '#_shipping_phone', '#order_data a[href^="tel:"]'],
  /** Brazilian Market's CPF (absent without the plugin, or for a company buyer with a CNPJ). */
  cpf: ['#_billing_cpf'],
  /** Line item rows (tbody#order_line_items > tr.item; fees, shipping and refunds have tbodies of their own). */
  items: ['#order_line_items tr.item'],
  /** In a row: the product name (a link to the product, or a div when it is gone). */
  itemName: ['.wc-order-item-name', 'td.name'],
  /** In a row: the quantity in the hidden edit input, else the shown "× 2". */
  itemQuantity: ['input[name^="order_item_qty"]', 'td.quantity .view'],
  /** In a row: the unit cost as wc_price prints it ("R$ 89,90"). */
  itemPrice: ['td.item_cost .woocommerce-Price-amount', 'td.item_cost .view'],
  /** The "Order Total" row: the last row of the first totals table under the items. */
  total: [
    '.wc-order-totals-items table.wc-order-totals:first-of-type tr:last-child td.total .woocommerce-Price-amount',
    '.wc-order-totals-items table.wc-order-totals:first-of-type tr:last-child td.total',
  ],
} as const;
