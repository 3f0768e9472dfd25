<?php
/**
 * Plugin Name:       Pressline for WooCommerce
 * Plugin URI:        https://github.com/pressline/pressline
 * Description:       Production management for print and fabrication shops: the Pressline admin inside wp-admin, and order status widgets for your customers.
 * Version:           0.1.0
 * Requires at least: 6.5
 * Requires PHP:      7.4
 * Requires Plugins:  woocommerce
 * Author:            Pressline
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       pressline
 * WC requires at least: 8.2
 * WC tested up to:   10.4
 *
 * Signed tokens (verified by Pressline, see connectors/src/woocommerce/launch-token.ts):
 *   payload = "<home_url>|<subject>|<expiry>"
 *   token   = base64url(payload) . "." . base64url(HMAC-SHA256(payload, secret))
 * subject: the WordPress user id (admin launch), "customer:<id>" (a logged-in customer's
 * widget) or "order:<id>" (a guest's widget, once the order key has been checked).
 *
 * @package Pressline
 */

defined( 'ABSPATH' ) || exit;

define( 'PRESSLINE_VERSION', '0.1.0' );
define( 'PRESSLINE_OPTION', 'pressline_settings' );
define( 'PRESSLINE_TOKEN_LIFETIME', 5 * MINUTE_IN_SECONDS );

/*
 * HPOS (custom order tables) and the block checkout: this plugin reads orders only
 * through wc_get_order() and WC_Order methods, never post meta.
 */
add_action(
	'before_woocommerce_init',
	static function () {
		if ( class_exists( \Automattic\WooCommerce\Utilities\FeaturesUtil::class ) ) {
			\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'custom_order_tables', __FILE__, true );
			\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'cart_checkout_blocks', __FILE__, true );
		}
	}
);

add_action( 'plugins_loaded', 'pressline_boot' );

/**
 * Hooks everything in once WooCommerce is known to be active.
 */
function pressline_boot() {
	if ( ! class_exists( 'WooCommerce' ) ) {
		add_action( 'admin_notices', 'pressline_notice_woocommerce_missing' );
		return;
	}
	add_action( 'admin_menu', 'pressline_admin_menu' );
	add_action( 'admin_init', 'pressline_register_settings' );
	add_action( 'init', 'pressline_register_block' );
	add_shortcode( 'pressline_order_status', 'pressline_order_status_shortcode' );
	add_shortcode( 'pressline_order_history', 'pressline_order_history_shortcode' );
	add_action( 'woocommerce_before_account_orders', 'pressline_render_on_orders_page', 20 );
	add_action( 'woocommerce_view_order', 'pressline_render_on_order_page', 20 );
	add_action( 'woocommerce_thankyou', 'pressline_render_on_order_page', 20 );
	// Saving the settings goes through options.php, which asks for manage_options unless told otherwise.
	add_filter(
		'option_page_capability_pressline',
		static function () {
			return 'manage_woocommerce';
		}
	);
}

/**
 * Shown instead of the menu when WooCommerce is not active.
 */
function pressline_notice_woocommerce_missing() {
	if ( ! current_user_can( 'activate_plugins' ) ) {
		return;
	}
	echo '<div class="notice notice-error"><p>' . esc_html__( 'Pressline needs WooCommerce to be installed and active.', 'pressline' ) . '</p></div>';
}

/*
|--------------------------------------------------------------------------
| Settings
|--------------------------------------------------------------------------
*/

/**
 * The saved settings, with defaults.
 *
 * @return array{url: string, secret: string}
 */
function pressline_settings() {
	$saved = get_option( PRESSLINE_OPTION, array() );
	$saved = is_array( $saved ) ? $saved : array();
	return array(
		'url'    => isset( $saved['url'] ) ? (string) $saved['url'] : '',
		'secret' => isset( $saved['secret'] ) ? (string) $saved['secret'] : '',
	);
}

/**
 * The Pressline base URL without a trailing slash, or '' when not configured.
 *
 * @return string
 */
function pressline_base_url() {
	return untrailingslashit( pressline_settings()['url'] );
}

/**
 * Registers the settings and their fields (Settings API: it checks the nonce on save).
 */
function pressline_register_settings() {
	register_setting(
		'pressline',
		PRESSLINE_OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => 'pressline_sanitize_settings',
			'show_in_rest'      => false,
			'default'           => array(
				'url'    => '',
				'secret' => '',
			),
		)
	);
	add_settings_section( 'pressline_connection', __( 'Connection', 'pressline' ), '__return_false', 'pressline-settings' );
	add_settings_field( 'pressline_url', __( 'Pressline URL', 'pressline' ), 'pressline_field_url', 'pressline-settings', 'pressline_connection', array( 'label_for' => 'pressline_url' ) );
	add_settings_field( 'pressline_secret', __( 'Shared secret', 'pressline' ), 'pressline_field_secret', 'pressline-settings', 'pressline_connection', array( 'label_for' => 'pressline_secret' ) );
}

/**
 * Keeps only an http(s) URL and a secret; an empty secret field keeps the saved one,
 * so the secret is never sent back to the browser.
 *
 * @param mixed $input Submitted values.
 * @return array{url: string, secret: string}
 */
function pressline_sanitize_settings( $input ) {
	$current = pressline_settings();
	$input   = is_array( $input ) ? $input : array();

	$url = isset( $input['url'] ) ? esc_url_raw( trim( wp_unslash( (string) $input['url'] ) ), array( 'https', 'http' ) ) : $current['url'];
	if ( '' !== $url && 'https' !== wp_parse_url( $url, PHP_URL_SCHEME ) ) {
		add_settings_error( PRESSLINE_OPTION, 'pressline_http', __( 'The Pressline URL does not use https: use plain http only on a local network.', 'pressline' ), 'warning' );
	}

	$secret = isset( $input['secret'] ) ? trim( wp_unslash( (string) $input['secret'] ) ) : '';
	if ( '' === $secret ) {
		$secret = $current['secret'];
	} elseif ( strlen( $secret ) < 32 ) {
		add_settings_error( PRESSLINE_OPTION, 'pressline_secret_short', __( 'The shared secret must be at least 32 characters; the previous one was kept.', 'pressline' ) );
		$secret = $current['secret'];
	}

	return array(
		'url'    => untrailingslashit( $url ),
		'secret' => $secret,
	);
}

/**
 * The URL field.
 */
function pressline_field_url() {
	printf(
		'<input type="url" class="regular-text code" id="pressline_url" name="%1$s[url]" value="%2$s" placeholder="https://pressline.example.com" />',
		esc_attr( PRESSLINE_OPTION ),
		esc_attr( pressline_settings()['url'] )
	);
	echo '<p class="description">' . esc_html__( 'Where your Pressline runs. Its admin opens under WooCommerce → Production, and its widgets load from here.', 'pressline' ) . '</p>';
}

/**
 * The secret field: write-only.
 */
function pressline_field_secret() {
	$saved = '' !== pressline_settings()['secret'];
	printf(
		'<input type="password" class="regular-text code" id="pressline_secret" name="%1$s[secret]" value="" autocomplete="new-password" placeholder="%2$s" />',
		esc_attr( PRESSLINE_OPTION ),
		esc_attr( $saved ? __( 'Saved. Type a new one to replace it.', 'pressline' ) : '' )
	);
	echo '<p class="description">' . esc_html__( 'Copy it from Pressline (shop settings → WooCommerce). It signs the links that open Pressline from here.', 'pressline' ) . '</p>';
}

/*
|--------------------------------------------------------------------------
| Admin pages
|--------------------------------------------------------------------------
*/

/**
 * WooCommerce → Production (the embedded admin) and WooCommerce → Pressline settings.
 */
function pressline_admin_menu() {
	add_submenu_page( 'woocommerce', __( 'Production', 'pressline' ), __( 'Production', 'pressline' ), 'manage_woocommerce', 'pressline', 'pressline_render_admin_page' );
	add_submenu_page( 'woocommerce', __( 'Pressline settings', 'pressline' ), __( 'Pressline settings', 'pressline' ), 'manage_woocommerce', 'pressline-settings', 'pressline_render_settings_page' );
}

/**
 * The settings form.
 */
function pressline_render_settings_page() {
	if ( ! current_user_can( 'manage_woocommerce' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to manage Pressline.', 'pressline' ), 403 );
	}
	echo '<div class="wrap"><h1>' . esc_html__( 'Pressline settings', 'pressline' ) . '</h1>';
	settings_errors( PRESSLINE_OPTION );
	echo '<form method="post" action="' . esc_url( admin_url( 'options.php' ) ) . '">';
	settings_fields( 'pressline' );
	do_settings_sections( 'pressline-settings' );
	submit_button();
	echo '</form></div>';
}

/**
 * The Pressline admin in an iframe, opened with a short-lived token naming this site and user.
 */
function pressline_render_admin_page() {
	if ( ! current_user_can( 'manage_woocommerce' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to open Pressline.', 'pressline' ), 403 );
	}
	$base  = pressline_base_url();
	$token = pressline_sign_token( (string) get_current_user_id() );
	echo '<div class="wrap"><h1 class="wp-heading-inline">' . esc_html__( 'Production', 'pressline' ) . '</h1>';
	if ( '' === $base || null === $token ) {
		printf(
			'<p>%1$s <a href="%2$s">%3$s</a></p></div>',
			esc_html__( 'Pressline is not connected yet.', 'pressline' ),
			esc_url( admin_url( 'admin.php?page=pressline-settings' ) ),
			esc_html__( 'Enter its URL and shared secret.', 'pressline' )
		);
		return;
	}
	$src = add_query_arg(
		array(
			'platform' => 'woocommerce',
			'site'     => rawurlencode( pressline_site() ),
			'token'    => rawurlencode( $token ),
		),
		$base . '/app'
	);
	printf(
		'<iframe id="pressline-admin" title="%1$s" src="%2$s" style="display:block;width:100%%;height:calc(100vh - 140px);min-height:600px;border:0;background:#fff" sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-downloads allow-modals" allow="clipboard-write" referrerpolicy="no-referrer"></iframe></div>',
		esc_attr__( 'Pressline production admin', 'pressline' ),
		esc_url( $src )
	);
}

/*
|--------------------------------------------------------------------------
| Tokens
|--------------------------------------------------------------------------
*/

/**
 * This site as Pressline knows it.
 *
 * @return string
 */
function pressline_site() {
	return untrailingslashit( home_url( '/' ) );
}

/**
 * A token for `$subject`, valid for five minutes, or null without a secret.
 *
 * @param string $subject User id, "customer:<id>" or "order:<id>".
 * @return string|null
 */
function pressline_sign_token( $subject ) {
	$secret = pressline_settings()['secret'];
	if ( '' === $secret || '' === $subject || '0' === $subject ) {
		return null;
	}
	$payload   = pressline_site() . '|' . $subject . '|' . ( time() + PRESSLINE_TOKEN_LIFETIME );
	$signature = hash_hmac( 'sha256', $payload, $secret, true );
	return pressline_base64url( $payload ) . '.' . pressline_base64url( $signature );
}

/**
 * Base64url without padding.
 *
 * @param string $bytes Raw bytes.
 * @return string
 */
function pressline_base64url( $bytes ) {
	// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- token encoding, not obfuscation.
	return rtrim( strtr( base64_encode( $bytes ), '+/', '-_' ), '=' );
}

/*
|--------------------------------------------------------------------------
| Storefront widgets
|--------------------------------------------------------------------------
*/

/**
 * Loads the widget bundle once, from Pressline.
 */
function pressline_enqueue_widgets() {
	$base = pressline_base_url();
	if ( '' === $base ) {
		return false;
	}
	if ( ! wp_script_is( 'pressline-widgets', 'enqueued' ) ) {
		wp_enqueue_script(
			'pressline-widgets',
			$base . '/widgets/pressline.js',
			array(),
			PRESSLINE_VERSION,
			array(
				'in_footer' => true,
				'strategy'  => 'defer',
			)
		);
	}
	return true;
}

/**
 * Which token the current visitor may have for an order: its owner's, or a guest's who
 * holds the order key (the "order received" link). Null when neither.
 *
 * @param WC_Order $order The order.
 * @return string|null
 */
function pressline_token_for_order( $order ) {
	$user_id = get_current_user_id();
	if ( $user_id > 0 && (int) $order->get_customer_id() === $user_id ) {
		return pressline_sign_token( 'customer:' . $user_id );
	}
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- the order key is WooCommerce's own capability for guests.
	$key = isset( $_GET['key'] ) ? wc_clean( wp_unslash( $_GET['key'] ) ) : '';
	if ( 0 === (int) $order->get_customer_id() && '' !== $key && $order->key_is_valid( $key ) ) {
		return pressline_sign_token( 'order:' . $order->get_id() );
	}
	return null;
}

/**
 * The order status widget for one order the visitor may see.
 *
 * @param int|string $order_id The order id.
 * @return string HTML, empty when there is nothing to show.
 */
function pressline_order_status_markup( $order_id ) {
	$order = wc_get_order( absint( $order_id ) );
	if ( ! $order instanceof WC_Order ) {
		return '';
	}
	$token = pressline_token_for_order( $order );
	if ( null === $token || ! pressline_enqueue_widgets() ) {
		return '';
	}
	// data-external-order is WooCommerce's order id; the widgets ask Pressline for that order.
	$attributes = sprintf(
		'data-pressline="%1$s" data-site="%2$s" data-external-order="%3$s" data-token="%4$s" lang="%5$s"',
		esc_url( pressline_base_url() ),
		esc_attr( pressline_site() ),
		esc_attr( (string) $order->get_id() ),
		esc_attr( $token ),
		esc_attr( substr( get_locale(), 0, 2 ) )
	);
	return '<pressline-order-status ' . $attributes . '></pressline-order-status>'
		. '<pressline-upload ' . $attributes . '></pressline-upload>'
		. '<pressline-messages ' . $attributes . '></pressline-messages>';
}

/**
 * [pressline_order_history]: the logged-in customer's past orders with "Order again".
 * Also shown above My account → Orders.
 *
 * @return string
 */
function pressline_order_history_shortcode() {
	$user_id = get_current_user_id();
	$token   = $user_id > 0 ? pressline_sign_token( 'customer:' . $user_id ) : null;
	if ( null === $token || ! pressline_enqueue_widgets() ) {
		return '';
	}
	return sprintf(
		'<pressline-order-history data-pressline="%1$s" data-site="%2$s" data-token="%3$s" lang="%4$s"></pressline-order-history>',
		esc_url( pressline_base_url() ),
		esc_attr( pressline_site() ),
		esc_attr( $token ),
		esc_attr( substr( get_locale(), 0, 2 ) )
	);
}

/**
 * Shows the order history widget on My account → Orders.
 */
function pressline_render_on_orders_page() {
	// The markup is escaped piece by piece in pressline_order_history_shortcode().
	echo pressline_order_history_shortcode(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
}

/**
 * [pressline_order_status order="123"]; without `order`, the order of the page
 * (My account → view order), else the customer's orders.
 *
 * @param array|string $atts Shortcode attributes.
 * @return string
 */
function pressline_order_status_shortcode( $atts ) {
	$atts     = shortcode_atts( array( 'order' => '' ), $atts, 'pressline_order_status' );
	$order_id = absint( $atts['order'] );
	if ( 0 === $order_id && function_exists( 'is_wc_endpoint_url' ) && is_wc_endpoint_url( 'view-order' ) ) {
		$order_id = absint( get_query_var( 'view-order' ) );
	}
	if ( $order_id > 0 ) {
		return pressline_order_status_markup( $order_id );
	}
	// No order named: the logged-in customer's list.
	$user_id = get_current_user_id();
	$token   = $user_id > 0 ? pressline_sign_token( 'customer:' . $user_id ) : null;
	if ( null === $token || ! pressline_enqueue_widgets() ) {
		return '';
	}
	return sprintf(
		'<pressline-order-status data-pressline="%1$s" data-site="%2$s" data-token="%3$s"></pressline-order-status>',
		esc_url( pressline_base_url() ),
		esc_attr( pressline_site() ),
		esc_attr( $token )
	);
}

/**
 * Shows the widget under the order on "My account → view order" and "Order received".
 *
 * @param int $order_id The order id WooCommerce passes.
 */
function pressline_render_on_order_page( $order_id ) {
	// The markup is escaped piece by piece in pressline_order_status_markup().
	echo pressline_order_status_markup( $order_id ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
}

/**
 * The "Pressline order status" block: rendered on the server like the shortcode.
 */
function pressline_register_block() {
	wp_register_script( 'pressline-block-editor', '', array( 'wp-blocks', 'wp-element', 'wp-i18n' ), PRESSLINE_VERSION, true );
	wp_add_inline_script(
		'pressline-block-editor',
		'( function ( blocks, element, i18n ) {' .
		'  blocks.registerBlockType( "pressline/order-status", {' .
		'    edit: function () { return element.createElement( "p", { className: "pressline-order-status-placeholder" }, i18n.__( "Pressline order status: shown to customers on their orders.", "pressline" ) ); },' .
		'    save: function () { return null; }' .
		'  } );' .
		'} )( window.wp.blocks, window.wp.element, window.wp.i18n );'
	);
	register_block_type(
		'pressline/order-status',
		array(
			'api_version'     => 3,
			'title'           => __( 'Pressline order status', 'pressline' ),
			'description'     => __( 'Where a customer\'s order stands in production, with its ETA and tracking.', 'pressline' ),
			'category'        => 'woocommerce',
			'icon'            => 'clipboard',
			'attributes'      => array(
				'order' => array(
					'type'    => 'string',
					'default' => '',
				),
			),
			'supports'        => array( 'html' => false ),
			'editor_script'   => 'pressline-block-editor',
			'render_callback' => static function ( $attributes ) {
				return pressline_order_status_shortcode( array( 'order' => isset( $attributes['order'] ) ? (string) $attributes['order'] : '' ) );
			},
		)
	);
}
