/**
 * The only host globals analysis/ may use, declared for its own tsconfig (which has no DOM or Node types): pure
 * functions that Node and browsers both have, and the AbortSignal type the DigestResolver port passes through.
 * The root tsconfig excludes this file, since there DOM and Node declare the real ones.
 */

declare function atob(data: string): string;

declare class TextDecoder {
  decode(input?: Uint8Array): string;
}

/** Only passed through the port, never created or listened to here. */
interface AbortSignal {
  readonly aborted: boolean;
}
