/** What an unexpected HTTP status means, in the user's words (the registry's own status text is never quoted). */
import type { Response } from 'undici';
import type { RegistryErrorCode } from './errors';

/** `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3); anything else is not repeated. */
export function retryAfter(value: string | null, now: number = Date.now()): string {
  if (value === null) return 'a while';
  const trimmed = value.trim();
  if (/^\d{1,9}$/.test(trimmed)) return `${Number(trimmed)} s`;
  const at = Date.parse(trimmed);
  if (/^[A-Za-z0-9 ,:-]{1,40}$/.test(trimmed) && Number.isFinite(at)) return at <= now ? 'now' : `${Math.ceil((at - now) / 1000)} s`;
  return 'a while';
}

export function describeStatus(response: Pick<Response, 'status' | 'headers'>): { code: RegistryErrorCode; text: string } {
  const s = response.status;
  if (s === 429) return { code: 'rate-limited', text: `answered 429 Too Many Requests (rate-limited); retry after ${retryAfter(response.headers.get('retry-after'))}` };
  if (s === 500) return { code: 'server-error', text: 'answered 500 Internal Server Error (a fault on the registry’s side; try again later)' };
  if (s === 502 || s === 504) return { code: 'server-error', text: `answered ${s} ${s === 502 ? 'Bad Gateway' : 'Gateway Timeout'} (a proxy in front of the registry could not reach it; try again later)` };
  if (s === 503) return { code: 'server-error', text: `answered 503 Service Unavailable (down or overloaded; retry after ${retryAfter(response.headers.get('retry-after'))})` };
  if (s >= 500) return { code: 'server-error', text: `answered ${s} (a server error; try again later)` };
  if (s >= 300 && s < 400) return { code: 'bad-response', text: `answered ${s} (a redirect without a Location)` };
  return { code: 'bad-response', text: `answered ${s}` };
}
