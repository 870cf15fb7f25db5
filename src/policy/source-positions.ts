/** Maps a path of keys and indexes to the line and column where it is written in the YAML source. */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { PathSegment } from './problems';

export interface SourcePosition {
  line: number;
  column: number;
}

export type Locator = (path: readonly PathSegment[], atKey?: boolean) => SourcePosition | undefined;

function keyMatches(key: unknown, segment: PathSegment): boolean {
  return isScalar(key) && String(key.value) === String(segment);
}

/**
 * Walks the document as far as the path exists and returns the deepest node found, so a problem about a
 * missing key points at the object that lacks it.
 */
export function createLocator(doc: Document, lineCounter: LineCounter): Locator {
  const position = (node: Node | null | undefined): SourcePosition | undefined => {
    const offset = node?.range?.[0];
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return (path, atKey = false) => {
    let node: unknown = doc.contents;
    let best = position(doc.contents as Node | null);
    for (let i = 0; i < path.length; i++) {
      const segment = path[i] as PathSegment;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => keyMatches(p.key, segment));
        if (!isPair(pair)) return best;
        const keyNode = pair.key as Node;
        const valueNode = pair.value as Node | null;
        if (last && atKey) return position(keyNode) ?? best;
        // `key:` with nothing after it has no value range: point at the key.
        best = position(valueNode) ?? position(keyNode) ?? best;
        node = valueNode;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (item === undefined) return best;
        best = position(item) ?? best;
        node = item;
      } else {
        return best;
      }
    }
    return best;
  };
}
