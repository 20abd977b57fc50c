/**
 * A rule whose messages quote the API's own text (what is wrong) names what Kubernetes then does in `consequence`:
 * it is appended to each message as its own sentence.
 */
export function withConsequence(message: string, consequence: string | undefined): string {
  return consequence ? `${message.replace(/[.\s]+$/, '')}. ${consequence}` : message;
}
