/**
 * Per-shop pauses after a platform said "too many requests": the shop's next effects
 * wait out the Retry-After instead of each spending a call to learn it again. Kept in
 * the worker process; each worker learns a shop's limit from its own calls.
 */
export interface ShopPacer {
  pausedUntil(shopId: string, now: Date): Date | null;
  pause(shopId: string, until: Date): void;
}

export function createShopPacer(): ShopPacer {
  const until = new Map<string, number>();
  return {
    pausedUntil(shopId, now) {
      const at = until.get(shopId);
      if (at === undefined) return null;
      if (at <= now.getTime()) {
        until.delete(shopId);
        return null;
      }
      return new Date(at);
    },
    pause(shopId, at) {
      until.set(shopId, Math.max(until.get(shopId) ?? 0, at.getTime()));
    },
  };
}
