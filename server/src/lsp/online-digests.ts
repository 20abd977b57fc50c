/**
 * Online checks of pinned images (podLens.registry.onlineChecks, off by default): in the background, asks the
 * registry what each pinned tag points to now, and re-checks the documents when an answer differs. A tag is asked
 * again once its answer is older than podLens.registry.cacheTtlSeconds (the open documents are re-checked then, so a
 * tag that moves is noticed without an edit), and every tag is asked again when the registry settings or the trust
 * change. Only well-formed digests are kept: the answer ends up in an "Update pinned digest" edit.
 */
import { isDigest } from '../analysis/fixes/digest';
import { containerImagesOfModel } from './pinned-images';
import type { ManifestModel } from '../analysis/model/manifest';
import type { Runtime } from '../runtime';
import type { PinResolver } from './pin';

/** setTimeout's longest delay; a longer TTL just wakes up once more on the way. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class OnlineDigests {
  readonly current: Record<string, string> = {};
  /** Tag → when its answer expires (Infinity while the question is in flight). */
  private readonly asked = new Map<string, number>();
  private configKey: string | undefined;
  private refreshTimer: unknown;
  private refreshAt = Infinity;
  generation = 0;

  constructor(
    private readonly runtime: Runtime,
    private readonly pin: PinResolver,
    private readonly enabled: () => boolean,
    private readonly onChange: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Looks up the tags of this model's pinned images that were not asked yet or whose answer has expired. */
  check(model: ManifestModel): void {
    if (!this.enabled()) return;
    this.forgetOnNewSettings();
    const now = this.now();
    for (const key of containerImagesOfModel(model)) {
      const expiresAt = this.asked.get(key);
      if (expiresAt !== undefined && expiresAt > now) continue;
      this.ask(key);
    }
  }

  /** Settings or trust changed: earlier answers may come from another registry or mirror; ask everything again. */
  private forgetOnNewSettings(): void {
    const key = this.pin.configKey();
    if (this.configKey === undefined) this.configKey = key;
    if (key === this.configKey) return;
    this.configKey = key;
    this.asked.clear();
    for (const tag of Object.keys(this.current)) delete this.current[tag];
    this.generation++;
    // The documents were analysed with the old answers: re-check them once this check is over.
    this.runtime.setTimeout(() => this.onChange(), 0);
  }

  private ask(key: string): void {
    this.asked.set(key, Infinity);
    const config = this.configKey;
    const controller = new AbortController();
    const settle = () => {
      // An answer to a question asked under other settings is dropped (the new settings asked again).
      if (config !== this.configKey) return false;
      this.asked.set(key, this.now() + Math.max(1000, this.pin.cacheTtlMs()));
      this.scheduleRefresh();
      return true;
    };
    this.pin
      .digestOf(key, controller.signal)
      .then((digest) => {
        if (!settle()) return;
        if (!isDigest(digest)) throw new Error('the registry did not answer a digest');
        if (this.current[key] === digest) return;
        this.current[key] = digest;
        this.generation++;
        this.onChange();
      })
      .catch((error: unknown) => {
        settle();
        this.runtime.logger.info(`online check of ${key} failed: ${error instanceof Error ? error.message : String(error)}`);
      });
  }

  /** One timer for the earliest expiry: then expired tags are forgotten and the open documents re-checked (which asks again). */
  private scheduleRefresh(): void {
    let earliest = Infinity;
    for (const at of this.asked.values()) earliest = Math.min(earliest, at);
    if (earliest === Infinity || earliest >= this.refreshAt) return;
    if (this.refreshTimer !== undefined) this.runtime.clearTimeout(this.refreshTimer);
    this.refreshAt = earliest;
    this.refreshTimer = this.runtime.setTimeout(() => {
      this.refreshTimer = undefined;
      this.refreshAt = Infinity;
      const now = this.now();
      for (const [key, at] of this.asked) if (at <= now) this.asked.delete(key);
      this.scheduleRefresh();
      if (this.enabled()) this.onChange();
    }, Math.min(MAX_TIMER_MS, Math.max(0, earliest - this.now())));
  }
}
