/** What `pod-lens --help` and `pod-lens <command> --help` print: the overview, and one page per command. */
import { NEWEST_MINOR, SUPPORTED_MINORS } from '../analysis/k8s/target';

const PATHS = `Paths are files, folders (searched for *.yaml and *.yml) or - for standard input (read once however often it is
given). With no path the current folder (.) is read. A folder without any YAML file is a usage error (exit 2), so a
mistyped path in CI does not pass silently.`;

const TARGET = `  --kubernetes-version  the release checked against, ${SUPPORTED_MINORS[0]}…${NEWEST_MINOR} (default ${NEWEST_MINOR}); a file's own
                        \`# pod-lens: kubernetes-version=1.NN\` line wins
  --feature-gates       gates the cluster sets differently from the release's defaults: Name=true,Other=false`;

const NAMESPACE = `  -n, --namespace       where objects without metadata.namespace go, as with kubectl apply -n (default: default);
                        references are looked up there`;

const POD_TEMPLATES = `  --pod-templates       a JSON file naming other custom resources' pod templates, as the podLens.podTemplates
                        setting does: [{"apiVersion": "example.com/v1", "kind": "Widget", "paths": ["spec.template"]}]`;

const UNREADABLE = `Files that cannot be read (FIFOs, devices, broken links, unreadable files) are reported on stderr and skipped;
exit 2 when none could be read.`;

const REGISTRY = `Registry settings come from POD_LENS_INSECURE_REGISTRIES (comma list), POD_LENS_CA_FILE and the usual proxy
variables; credentials from the docker and podman config files.`;

export const COMMAND_HELP = {
  check: `Usage: pod-lens check [paths…] [--format text|json|sarif] [--fail-on error|warning|never] [--kubernetes-version 1.NN]
       [--feature-gates Name=true,…] [--namespace name] [--pod-templates file.json]

Checks Kubernetes manifests the way the API server and the kubelet would, offline.
  --format    text (default): path:line:col: severity rule message; json; sarif (SARIF 2.1.0)
  --fail-on   error (default), warning or never: the lowest severity that makes the exit code 1
${TARGET}
${NAMESPACE}
${POD_TEMPLATES}

${PATHS}
${UNREADABLE}
Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 usage error.`,
  inspect: `Usage: pod-lens inspect [paths…] [--format json|text] [--kubernetes-version 1.NN] [--feature-gates Name=true,…]
       [--namespace name] [--pod-templates file.json]

Prints what Kubernetes will make of each pod spec: containers in start order, images, effective pull policies,
effective resources and QoS class, offline.
  --format    json (default) or text
${TARGET}
${NAMESPACE}
${POD_TEMPLATES}

${PATHS}
${UNREADABLE}
Exit codes: 0 ok, 2 usage error.`,
  convert: `Usage: pod-lens convert [paths…] [--to json|yaml]

Prints each document as kubectl sends it to the API server (YAML 1.1 values, duplicate keys resolved as kubectl does).
  --to        json (default) or yaml

${PATHS}
Exit codes: 0 ok, 1 a document kubectl cannot read, 2 usage error.`,
  pin: `Usage: pod-lens pin [paths…] [--dry-run] [--keep-tag | --no-keep-tag] [--platform os/arch[/variant]]
       [--pod-templates file.json]

Rewrites every image given by tag to the digest the registry serves for it, in place.
  --dry-run      print a unified diff (paths relative to the working folder) instead of writing
  --keep-tag     keep the tag next to the digest (name:tag@digest; the default)
  --no-keep-tag  write name@digest
  --platform     pin one platform's image of a multi-platform index, such as linux/arm64
${POD_TEMPLATES}

${PATHS}
${REGISTRY}
Exit codes: 0 ok, 1 an image could not be resolved or a file not read or written, 2 usage error.`,
  resolve: `Usage: pod-lens resolve <image> [--platform os/arch[/variant]]

Prints the digest the registry serves for one image reference (a missing tag resolves "latest", as the kubelet pulls).
  --platform     the digest of one platform's image of a multi-platform index, such as linux/arm64

${REGISTRY}
Exit codes: 0 ok, 1 the image could not be resolved (the reason is on stderr), 2 usage error.`,
  lsp: `Usage: pod-lens lsp --stdio

Runs the Pod Lens language server over standard input and output, for editors other than VS Code (configure the
editor to start \`pod-lens lsp --stdio\`).`,
} as const;

export type Command = keyof typeof COMMAND_HELP;

export function isCommand(name: string | undefined): name is Command {
  return name !== undefined && Object.hasOwn(COMMAND_HELP, name);
}

export function overview(version: string): string {
  return `pod-lens ${version}

Usage:
  pod-lens check [paths…] [--format text|json|sarif] [--fail-on error|warning|never] [target] [-n name]
                 [--pod-templates file.json]
  pod-lens inspect [paths…] [--format json|text] [target] [-n name] [--pod-templates file.json]
  pod-lens convert [paths…] [--to json|yaml]
  pod-lens pin [paths…] [--dry-run] [--keep-tag | --no-keep-tag] [--platform os/arch] [--pod-templates file.json]
  pod-lens resolve <image> [--platform os/arch]
  pod-lens lsp --stdio
  pod-lens <command> --help    that command's options
The target: [--kubernetes-version 1.NN] [--feature-gates Name=true,…]; -n/--namespace: where objects without a
namespace go, as with kubectl apply -n (see check --help).

${PATHS}
Exit codes: 0 ok, 1 findings at or above --fail-on (pin/resolve: an image could not be resolved or a file not
written or read; convert: a document kubectl cannot read), 2 usage error or no file could be read.
${REGISTRY}`;
}
