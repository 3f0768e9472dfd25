import logging

import requests

from odoo import fields, models

from .pressline_config import notification_body, post_notification, pressline_settings

_logger = logging.getLogger(__name__)

# Pressline acknowledges before it does any work, so a healthy endpoint answers fast;
# Odoo's own webhook action allows 1 s.
NOTIFICATION_TIMEOUT_SECONDS = 5


class IrActionsServer(models.Model):
    _inherit = 'ir.actions.server'

    pressline_notify = fields.Boolean(
        string='Pressline notification',
        help='Send this webhook to Pressline, at the URL and with the secret set in Settings > Pressline.',
    )

    def _run_action_webhook(self, eval_context=None):
        """Odoo's "Send Webhook Notification", plus the Pressline secret header.

        Odoo 17's webhook action posts `{_action, _id, _model, **record.read(fields,
        load=None)[0]}` with only a Content-Type header, so it cannot authenticate itself.
        For Pressline's own actions this sends the same body, after the transaction
        commits, with the shop's secret in X-Pressline-Webhook-Secret. A notification that
        fails is logged, as Odoo's are: Pressline's periodic reconciliation reads changed
        orders back, so none is lost for good.
        """
        if not self.pressline_notify:
            return super()._run_action_webhook(eval_context=eval_context)
        record = self.env[self.model_id.model].browse(self.env.context.get('active_id'))
        if not record:
            return None
        settings = pressline_settings(self.env)
        if not settings:
            _logger.warning('Pressline is not configured (Settings > Pressline); %s not sent for %s', self.name, record)
            return None
        values = {
            '_model': self.model_id.model,
            '_id': record.id,
            '_action': '%s(#%s)' % (self.name, self.id),
        }
        if self.webhook_field_ids:
            values.update(record.read(self.webhook_field_ids.mapped('name'), load=None)[0])
        body = notification_body(values)
        url = settings['webhook_url']

        @self.env.cr.postcommit.add
        def _send():
            try:
                post_notification(settings, body, NOTIFICATION_TIMEOUT_SECONDS)
                _logger.info('Pressline notification for %s(%s) sent to %s', values['_model'], values['_id'], url)
            except requests.exceptions.RequestException as error:
                _logger.warning('Pressline notification to %s failed (reconciliation will catch up): %s', url, error)

        return None
