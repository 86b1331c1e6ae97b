import DataLoader from 'dataloader';
import type { RequestContext } from '../context/request-context.js';

/**
 * Per-request DataLoaders, created lazily by name so each module owns its batch functions and the
 * GraphQL context needs no list of them. Batching turns N parent rows into one query per relation.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();
  /** What each loader has answered so far in this request, by key. */
  private readonly settled = new WeakMap<DataLoader<unknown, unknown>, Map<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<Map<K, V>>, fallback: V): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      const settled = new Map<unknown, unknown>();
      loader = new DataLoader<K, V>(async (keys) => {
        const found = await batch(keys);
        return keys.map((key) => {
          const value = found.has(key) ? found.get(key)! : fallback;
          settled.set(key, value);
          return value;
        });
      });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
      this.settled.set(loader as DataLoader<unknown, unknown>, settled);
    }
    return loader;
  }

  /** The value at once when this request already loaded it (a prefetched relation, see prefetch.ts), else its load. */
  now<K, V>(loader: DataLoader<K, V>, key: K): V | Promise<V> {
    const settled = this.settled.get(loader as DataLoader<unknown, unknown>);
    return settled?.has(key) ? (settled.get(key) as V) : loader.load(key);
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
