/**
 * Pressline's public URL (APP_URL, the host of shopify.app.toml's application_url). Set it
 * before `shopify app deploy`: the extension calls `${PRESSLINE_URL}/storefront/*`.
 */
export const PRESSLINE_URL = 'https://pressline.example.com';
