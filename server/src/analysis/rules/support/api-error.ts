/** The API server's own error texts (k8s.io/apimachinery/pkg/util/validation/field errors.go), quoted in messages so they can be searched. */
import { quote } from './quote';

/** `Unsupported value: "x": supported values: "a", "b"` (field.NotSupported). */
export function notSupported(value: unknown, supported: readonly string[]): string {
  return `Unsupported value: ${quote(value ?? '')}: supported values: ${supported.map((s) => `"${s}"`).join(', ')}`;
}

/** `Too many: 21: must have at most 20 items` (field.TooMany). */
export function tooMany(count: number, max: number): string {
  return `Too many: ${count}: must have at most ${max} items`;
}

/** `Too long: may not be more than 64 bytes` (field.TooLong). */
export function tooLong(max: number): string {
  return `Too long: may not be more than ${max} bytes`;
}
