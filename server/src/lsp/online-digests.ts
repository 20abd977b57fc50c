/**
 * Online checks of pinned images (podLens.registry.onlineChecks, off by default): in the background, asks the
 * registry what each pinned tag points to now, and re-checks the documents when an answer differs.
 */
import { containerImagesOfModel } from './pinned-images';
import type { ManifestModel } from '../analysis/model/manifest';
import type { Runtime } from '../runtime';
import type { PinResolver } from './pin';

export class OnlineDigests {
  readonly current: Record<string, string> = {};
  private readonly asked = new Set<string>();
  generation = 0;

  constructor(
    private readonly runtime: Runtime,
    private readonly pin: PinResolver,
    private readonly enabled: () => boolean,
    private readonly onChange: () => void,
  ) {}

  /** Looks up the tags of this model's pinned images that were not asked yet (the resolver caches with a TTL). */
  check(model: ManifestModel): void {
    if (!this.enabled()) return;
    for (const key of containerImagesOfModel(model)) {
      if (this.asked.has(key)) continue;
      this.asked.add(key);
      const controller = new AbortController();
      this.pin
        .digestOf(key, controller.signal)
        .then((digest) => {
          if (this.current[key] === digest) return;
          this.current[key] = digest;
          this.generation++;
          this.onChange();
        })
        .catch((error: unknown) => this.runtime.logger.info(`online check of ${key} failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
}
