/** The URL a platform that signs per shop (WooCommerce, Odoo) delivers that shop's webhooks to. */
export function webhookUrl(publicUrl: string, platform: string, shopId: string): string {
  return new URL(`/webhooks/${platform}/${shopId}`, publicUrl).toString();
}
