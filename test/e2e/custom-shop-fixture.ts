/** The seller's own WooCommerce shop, as both browsers' custom-shop tests reach it (routed; nothing leaves the machine). */
export const SHOP = 'https://loja-da-ana.com.br';
export const ORDER_PAGE = `${SHOP}/wp-admin/post.php?post=1&action=edit`;

/**
 * A WooCommerce admin page, reduced to the wrapper WordPress puts around every admin screen (`#wpwrap`); the
 * WooCommerce adapter brings its own fixtures.
 */
export const WP_ADMIN = '<!doctype html><html lang="pt-BR"><head><title>Editar pedido ‹ Loja da Ana — WordPress</title></head><body class="wp-admin"><div id="wpwrap"><div id="wpcontent"><h1>Pedido #1</h1></div></div></body></html>';
