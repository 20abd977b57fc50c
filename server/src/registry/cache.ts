/** Resolved digests, reused for a TTL, with concurrent lookups of the same key sharing one request. */

export class DigestCache<T> {
  private readonly done = new Map<string, { value: T; expiresAt: number }>();
  private readonly inFlight = new Map<string, Promise<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.done.get(key);
    if (hit && hit.expiresAt > this.now()) return Promise.resolve(hit.value);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const p = load()
      .then((value) => {
        this.done.set(key, { value, expiresAt: this.now() + this.ttlMs });
        return value;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, p);
    return p;
  }
}
