import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode } from 'graphql';

/** Characters of query text the parsed-document cache may hold: every real operation many times over, about 25 MB of heap. */
export const DOCUMENT_CACHE_MAX_QUERY_CHARS = 250_000;

/**
 * Apollo's own cache sizes a parsed document by its JSON, which leaves out the token list that every
 * node's location keeps (about 100 bytes of heap per character of query): a stream of distinct fuzzed
 * queries grew the API from 170 to 850 MB. Sized by the query's length instead, it stays bounded.
 */
export function documentCache(): InMemoryLRUCache<DocumentNode> {
  return new InMemoryLRUCache<DocumentNode>({ maxSize: DOCUMENT_CACHE_MAX_QUERY_CHARS, sizeCalculation: (document) => Math.max(document.loc?.end ?? 0, 1) });
}
