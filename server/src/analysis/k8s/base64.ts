/** Base64 as Kubernetes writes Secret data (standard alphabet, padded), decoded to UTF-8 without Node's Buffer. */

function isBase64(text: string): boolean {
  return /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.length % 4 === 0;
}

/** UTF-8 text of a base64 string, or undefined when it is not base64. */
export function decodeBase64(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  if (!isBase64(compact)) return undefined;
  try {
    const binary = atob(compact);
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}
