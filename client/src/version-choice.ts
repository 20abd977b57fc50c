/** The words and the argument check of "Choose Kubernetes Version" (no vscode import: unit-tested). */
import type { TargetResult } from '../../protocol/target';

export interface VersionItem {
  label: string;
  description?: string;
}

/** Newest first, as people usually move forward; the release in force for the active file says so. */
export function versionItems(t: TargetResult): VersionItem[] {
  return [...t.supported].reverse().map((minor) => {
    if (minor !== t.version) return { label: minor };
    return { label: minor, description: t.source === 'file' ? 'in force for this file (its own pin)' : 'in force' };
  });
}

/** A file's own pin outlives the setting, so the pick says so rather than seeming to do nothing for that file. */
export function versionPlaceholder(t: TargetResult): string {
  return t.source === 'file'
    ? `The release for podLens.kubernetesVersion; this file pins ${t.version} with its own comment, which stays in force for it`
    : 'The Kubernetes release to check manifests against (podLens.kubernetesVersion)';
}

/** The command's argument (from the pick, a keybinding or a test): a listed minor, or why it is not one. */
export function checkVersionArgument(arg: unknown, supported: readonly string[]): { minor: string } | { error: string } {
  if (typeof arg === 'string' && supported.includes(arg)) return { minor: arg };
  // A keybinding's `"args": 1.30` arrives as the number 1.3: say that it must be written as text.
  const shown = typeof arg === 'string' ? JSON.stringify(arg) : `${String(arg)} (a ${typeof arg}; write the release as a string)`;
  return { error: `Pod Lens cannot check against Kubernetes ${shown}: choose one of ${supported.join(', ')}. podLens.kubernetesVersion is unchanged.` };
}
