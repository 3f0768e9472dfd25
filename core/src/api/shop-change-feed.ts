export type ShopChange = 'changed' | 'failed';

/**
 * One look per shop per process, however many pages follow it: every open operator
 * tablet or admin page subscribes, and while anyone listens the shop's fingerprint is
 * read once per interval and a change is told to all. A read that fails (shutdown,
 * failover) ends every subscription of that shop; the pages reconnect.
 */
export function createShopChangeFeed(readFingerprint: (shopId: string) => Promise<string>, intervalMs: number) {
  const shops = new Map<string, { listeners: Set<(change: ShopChange) => void>; last: string | null; timer: NodeJS.Timeout | null }>();

  const tick = async (shopId: string) => {
    const shop = shops.get(shopId);
    if (!shop) return;
    let next: string;
    try {
      next = await readFingerprint(shopId);
    } catch {
      shops.delete(shopId);
      for (const listener of shop.listeners) listener('failed');
      return;
    }
    if (shops.get(shopId) !== shop) return;
    if (shop.last !== null && next !== shop.last) for (const listener of shop.listeners) listener('changed');
    shop.last = next;
    shop.timer = setTimeout(() => void tick(shopId), intervalMs);
    shop.timer.unref();
  };

  return {
    /** Follows a shop's changes until the returned function is called. */
    subscribe(shopId: string, listener: (change: ShopChange) => void): () => void {
      let shop = shops.get(shopId);
      if (!shop) {
        shop = { listeners: new Set(), last: null, timer: null };
        shops.set(shopId, shop);
        void tick(shopId);
      }
      shop.listeners.add(listener);
      const own = shop;
      return () => {
        own.listeners.delete(listener);
        if (own.listeners.size > 0 || shops.get(shopId) !== own) return;
        if (own.timer) clearTimeout(own.timer);
        shops.delete(shopId);
      };
    },
    /** Shops looked at now (for tests and diagnostics). */
    watched: () => shops.size,
  };
}
