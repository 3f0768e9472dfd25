/** A JWT's shape (header.claims.signature, base64url): Shopify's session tokens. Pressline's own tokens have other shapes. */
export const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;
