import base64
import hashlib
import hmac
import time
from urllib.parse import urlencode

from werkzeug.exceptions import Forbidden

from odoo import http
from odoo.http import request

from ..models.pressline_config import pressline_settings

# The token only has to survive the iframe's first load; Pressline exchanges it for a
# session of its own.
LAUNCH_TOKEN_TTL_SECONDS = 300


def _b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b'=').decode('ascii')


def sign_launch_token(secret, dbname, uid, expiry):
    """base64url("db|uid|expiry") + "." + base64url(HMAC-SHA256(secret, "db|uid|expiry"))."""
    payload = '%s|%s|%s' % (dbname, uid, expiry)
    signature = hmac.new(secret.encode('utf-8'), payload.encode('utf-8'), hashlib.sha256).digest()
    return '%s.%s' % (_b64url(payload.encode('utf-8')), _b64url(signature))


class PresslineController(http.Controller):

    @http.route('/pressline/launch_token', type='json', auth='user', methods=['POST'])
    def launch_token(self):
        """The Pressline admin URL for the current user, with a short-lived signed token."""
        user = request.env.user
        # auth='user' also lets portal users in; only internal users may open the admin.
        if not user.has_group('base.group_user'):
            raise Forbidden()
        settings = pressline_settings(request.env)
        if not settings:
            return {'configured': False}
        expiry = int(time.time()) + LAUNCH_TOKEN_TTL_SECONDS
        token = sign_launch_token(settings['secret'], request.env.cr.dbname, user.id, expiry)
        query = urlencode({'platform': 'odoo', 'shop': settings['shop_id'], 'token': token})
        return {'configured': True, 'url': '%s/app?%s' % (settings['url'], query), 'expires_at': expiry}
