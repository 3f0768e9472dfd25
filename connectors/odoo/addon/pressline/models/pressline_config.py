"""Where Pressline is and how to reach it, as set in Settings > Pressline."""

import json
import logging
from urllib.parse import quote

import requests

_logger = logging.getLogger(__name__)

# Odoo's webhook server action sends no header of its own and signs nothing; Pressline
# authenticates each notification by this header, compared with the shop's secret.
WEBHOOK_SECRET_HEADER = 'X-Pressline-Webhook-Secret'

PARAM_URL = 'pressline.url'
PARAM_SHOP_ID = 'pressline.shop_id'
PARAM_WEBHOOK_SECRET = 'pressline.webhook_secret'


def pressline_settings(env):
    """The configured Pressline endpoint, or None until URL, shop id and secret are all set."""
    params = env['ir.config_parameter'].sudo()
    url = (params.get_param(PARAM_URL) or '').strip().rstrip('/')
    shop_id = (params.get_param(PARAM_SHOP_ID) or '').strip()
    secret = params.get_param(PARAM_WEBHOOK_SECRET) or ''
    if not (url and shop_id and secret):
        return None
    return {
        'url': url,
        'shop_id': shop_id,
        'secret': secret,
        'webhook_url': '%s/webhooks/odoo/%s' % (url, quote(shop_id, safe='')),
    }


def notification_body(values):
    """The body Odoo's own webhook action sends: sorted keys, non-JSON values as str()."""
    return json.dumps(values, sort_keys=True, default=str)


def post_notification(settings, body, timeout):
    """POSTs one notification with the secret header; raises requests' errors."""
    response = requests.post(
        settings['webhook_url'],
        data=body,
        headers={'Content-Type': 'application/json', WEBHOOK_SECRET_HEADER: settings['secret']},
        timeout=timeout,
    )
    response.raise_for_status()
    return response
