import { describe, expect, it } from 'vitest';
import { createShopChangeFeed, type ShopChange } from './shop-change-feed.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 40));

describe('the shop change feed', () => {
  it('reads each shop once per interval for all its pages, and tells each page of a change', async () => {
    const reads: string[] = [];
    const fingerprints = new Map([['a', '1'], ['b', '1']]);
    const feed = createShopChangeFeed(async (shopId) => {
      reads.push(shopId);
      return fingerprints.get(shopId)!;
    }, 10);
    const seen: string[] = [];
    const stops = [feed.subscribe('a', (change) => seen.push(`a1 ${change}`)), feed.subscribe('a', (change) => seen.push(`a2 ${change}`)), feed.subscribe('b', (change) => seen.push(`b ${change}`))];
    await settle();
    const perShop = (shop: string) => reads.filter((read) => read === shop).length;
    // Two pages of shop a, one of shop b: the same number of reads each.
    expect(Math.abs(perShop('a') - perShop('b'))).toBeLessThanOrEqual(1);
    expect(seen).toEqual([]);

    fingerprints.set('a', '2');
    await settle();
    expect(seen).toEqual(['a1 changed', 'a2 changed']);

    for (const stop of stops) stop();
    expect(feed.watched()).toBe(0);
    const before = reads.length;
    await settle();
    expect(reads.length).toBe(before);
  });

  it('ends every page of a shop whose read fails', async () => {
    let fail = false;
    const feed = createShopChangeFeed(async () => {
      if (fail) throw new Error('database went away');
      return 'x';
    }, 10);
    const seen: ShopChange[] = [];
    feed.subscribe('a', (change) => seen.push(change));
    feed.subscribe('a', (change) => seen.push(change));
    await settle();
    fail = true;
    await settle();
    expect(seen).toEqual(['failed', 'failed']);
    expect(feed.watched()).toBe(0);
  });
});
