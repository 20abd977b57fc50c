/** The whole of kubectl's reading of a file: split at `---` lines, each document decoded as sigs.k8s.io/yaml does. */
import { decodeDocument, type Decoded, type DecodeBudget } from './decode';
import { asKubectlReads, splitLikeKubectl } from './kubectl-split';

export interface KubectlDocument {
  /** Offset of the document in the file. */
  offset: number;
  text: string;
  decoded: Decoded;
}

/** Reads one kubectl document (a chunk of the file); error offsets are relative to the chunk. */
export function readKubectlDocument(chunk: string, budget?: DecodeBudget): Decoded {
  return readKubectlChunk(chunk, budget).decoded;
}

/** As readKubectlDocument, with the map from the composed nodes' offsets (in what go-yaml read) to the chunk's. */
export function readKubectlChunk(chunk: string, budget?: DecodeBudget): { decoded: Decoded; toChunkOffset: (offset: number) => number } {
  const reads = asKubectlReads(chunk);
  return { decoded: mapOffsets(decodeDocument(reads.text, budget), reads.toChunkOffset), toChunkOffset: reads.toChunkOffset };
}

function mapOffsets(decoded: Decoded, toChunkOffset: (offset: number) => number): Decoded {
  const reads = { toChunkOffset };
  if (!decoded.ok) {
    const at = (o: number | undefined): number | undefined => (o === undefined ? undefined : reads.toChunkOffset(o));
    return { ...decoded, offset: at(decoded.offset), contextOffset: at(decoded.contextOffset) };
  }
  return { ...decoded, repeatedKeys: decoded.repeatedKeys.map((k) => ({ ...k, offset: reads.toChunkOffset(k.offset) })) };
}

export function readLikeKubectl(text: string, budget?: DecodeBudget): KubectlDocument[] {
  return splitLikeKubectl(text).map((chunk) => ({ ...chunk, decoded: readKubectlDocument(chunk.text, budget) }));
}
