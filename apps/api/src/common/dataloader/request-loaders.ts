import DataLoader from 'dataloader';
import type { RequestContext } from '../context/request-context.js';

/**
 * Per-request DataLoaders, created lazily by name so each module owns its batch functions and the
 * GraphQL context needs no list of them. Batching turns N parent rows into one query per relation.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<Map<K, V>>, fallback: V): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(async (keys) => {
        const found = await batch(keys);
        return keys.map((key) => (found.has(key) ? found.get(key)! : fallback));
      });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

export interface GraphQLContext {
  req: {
    headers: Record<string, string | string[] | undefined>;
    requestId?: string;
    socket?: { remoteAddress?: string };
    /** The address rate limits count this request against (common/rate-limit/client-address.ts). */
    clientAddress: string;
  };
  loaders: RequestLoaders;
  /** Who calls, and (inside a @Transaction() mutation) the open transaction. */
  requestContext: RequestContext;
}
