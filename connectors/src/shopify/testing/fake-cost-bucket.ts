export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/**
 * Shopify's leaky bucket for one app on one shop: a request may start only when the
 * bucket holds its requested cost; points flow back at `restoreRate` per second.
 */
export class CostBucket {
  private available: number;
  private at: number;

  constructor(
    private readonly maximumAvailable: number,
    private readonly restoreRate: number,
    private readonly clock: () => number,
  ) {
    this.available = maximumAvailable;
    this.at = clock();
  }

  status(): ThrottleStatus {
    this.refill();
    return { maximumAvailable: this.maximumAvailable, currentlyAvailable: Math.floor(this.available), restoreRate: this.restoreRate };
  }

  /** Takes `cost` points if the bucket holds them. */
  take(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  set(currentlyAvailable: number): void {
    this.available = Math.max(0, Math.min(this.maximumAvailable, currentlyAvailable));
    this.at = this.clock();
  }

  private refill(): void {
    const now = this.clock();
    this.available = Math.min(this.maximumAvailable, this.available + ((now - this.at) / 1000) * this.restoreRate);
    this.at = now;
  }
}
