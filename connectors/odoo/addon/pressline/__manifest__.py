{
    'name': 'Pressline',
    'version': '17.0.1.0.0',
    'summary': 'Send confirmed sales orders to Pressline production and open Pressline inside Odoo',
    'description': """
Pressline turns confirmed sales orders into production jobs and reports progress,
shipments and tracking back to the order.

* Two automation rules notify Pressline when a sales order is confirmed or a confirmed
  order is cancelled (webhook server actions carrying the shop's secret header).
* Settings > Pressline holds the Pressline URL, the shop id and the webhook secret.
* The Pressline menu opens the Pressline admin inside Odoo, signed in with a
  short-lived launch token.
* My account > Production (/my/pressline) and the `pressline.order_widgets` portal
  snippet show customers their orders' status, proofs, uploads, messages and reorders
  (storefront widgets with a short-lived customer token).
""",
    'category': 'Sales/Sales',
    'author': 'Pressline',
    'license': 'LGPL-3',
    # base_automation holds automation rules; sale_management and stock the orders and
    # deliveries Pressline reads and validates.
    'depends': ['sale_management', 'stock', 'base_automation', 'portal'],
    'data': [
        'data/pressline_automation.xml',
        'views/res_config_settings_views.xml',
        'views/pressline_menus.xml',
        'views/pressline_portal_templates.xml',
    ],
    'assets': {
        'web.assets_backend': [
            'pressline/static/src/js/pressline_app.js',
            'pressline/static/src/xml/pressline_app.xml',
        ],
    },
    'installable': True,
    'application': True,
}
