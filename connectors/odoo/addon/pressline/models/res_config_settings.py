import json

import requests

from odoo import _, fields, models
from odoo.exceptions import UserError

from .pressline_config import (
    PARAM_SHOP_ID,
    PARAM_URL,
    PARAM_WEBHOOK_SECRET,
    post_notification,
    pressline_settings,
)


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    pressline_url = fields.Char(
        string='Pressline URL',
        config_parameter=PARAM_URL,
        help='Where Pressline runs, e.g. https://pressline.example.com',
    )
    pressline_shop_id = fields.Char(
        string='Shop ID',
        config_parameter=PARAM_SHOP_ID,
        help='The id Pressline gave this Odoo database when the shop was connected.',
    )
    pressline_webhook_secret = fields.Char(
        string='Webhook secret',
        config_parameter=PARAM_WEBHOOK_SECRET,
        help='Shown by Pressline when the shop was connected. Sent with every notification '
             'and used to sign launch tokens; keep it private.',
    )

    def set_values(self):
        super().set_values()
        settings = pressline_settings(self.env)
        if settings:
            # The actions build their URL from these settings; showing it keeps the
            # automation rule's form honest.
            actions = self.env['ir.actions.server'].sudo().search([('pressline_notify', '=', True)])
            actions.write({'webhook_url': settings['webhook_url']})

    def action_pressline_send_test(self):
        """Saves the settings and sends Pressline a `pressline.ping` notification."""
        self.ensure_one()
        self.set_values()
        settings = pressline_settings(self.env)
        if not settings:
            raise UserError(_('Set the Pressline URL, shop ID and webhook secret first.'))
        body = json.dumps(
            {
                '_action': 'Pressline: test from Settings',
                '_model': 'pressline.ping',
                'sent_at': fields.Datetime.to_string(fields.Datetime.now()),
            },
            sort_keys=True,
        )
        try:
            post_notification(settings, body, timeout=10)
        except requests.exceptions.HTTPError as error:
            raise UserError(_('Pressline refused the test notification (HTTP %s): check the shop ID and webhook secret.',
                              error.response.status_code)) from error
        except requests.exceptions.RequestException as error:
            raise UserError(_('Pressline could not be reached at %s: %s', settings['webhook_url'], error)) from error
        return {
            'type': 'ir.actions.client',
            'tag': 'display_notification',
            'params': {'type': 'success', 'message': _('Pressline received the test notification.'), 'sticky': False},
        }
