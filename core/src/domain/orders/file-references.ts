/** A design file (or proof, photo…) the customer attached to an order line by link. */
export interface FileReference {
  name: string;
  url: string;
}

/**
 * The file links among a line's properties: storefront upload apps and personalisation
 * plugins put them there as `{ name: "Design file", value: "https://…" }`. Only http(s)
 * links count; anything else is an ordinary option.
 */
export function fileReferencesOf(properties: readonly { name: string; value: string }[]): FileReference[] {
  const files: FileReference[] = [];
  for (const property of properties) {
    const value = property.value.trim();
    if (!/^https?:\/\/\S+$/i.test(value)) continue;
    try {
      files.push({ name: property.name, url: new URL(value).toString() });
    } catch {
      // Looked like a link but is not one: it stays an ordinary option.
    }
  }
  return files;
}
