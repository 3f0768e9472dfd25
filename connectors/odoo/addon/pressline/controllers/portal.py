import hashlib
import hmac
import time

from odoo import http
from odoo.http import request

from ..models.pressline_config import pressline_settings
from .main import _b64url

# The widgets fetch their data right after the page loads; five minutes is plenty.
CUSTOMER_TOKEN_TTL_SECONDS = 300


def sign_customer_token(secret, site, partner_id, expiry):
    """The storefront widgets' customer token, in the WordPress plugin's format:
    base64url("site|customer:<partner id>|expiry") + "." + base64url(HMAC-SHA256(secret, payload)).
    `site` is this Odoo's URL exactly as the shop's connection in Pressline holds it."""
    payload = '%s|customer:%s|%s' % (site.rstrip('/'), partner_id, expiry)
    signature = hmac.new(secret.encode('utf-8'), payload.encode('utf-8'), hashlib.sha256).digest()
    return '%s.%s' % (_b64url(payload.encode('utf-8')), _b64url(signature))


def widget_context(env):
    """What the portal templates need to render the widgets for the logged-in customer, or None."""
    settings = pressline_settings(env)
    user = env.user
    if not settings or user._is_public():
        return None
    site = (env['ir.config_parameter'].sudo().get_param('web.base.url') or '').rstrip('/')
    expiry = int(time.time()) + CUSTOMER_TOKEN_TTL_SECONDS
    # Sales orders name the customer's partner; that id is the customer Pressline matches.
    token = sign_customer_token(settings['secret'], site, user.partner_id.id, expiry)
    return {'pressline_url': settings['url'], 'pressline_shop': settings['shop_id'], 'pressline_token': token, 'pressline_site': site}


class PresslinePortal(http.Controller):

    @http.route('/my/pressline', type='http', auth='user')
    def my_production(self, **kwargs):
        """My account > Production: the customer's orders, proofs, uploads and reorders."""
        return request.render('pressline.portal_my_production', {'pressline': widget_context(request.env)})
