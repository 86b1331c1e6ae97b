/** What the domain needs from S3-compatible storage; the MinIO client is the only implementation. */
export interface StoredObjectInfo {
  size: number;
  contentType: string;
}

export abstract class ObjectStorage {
  abstract ensureBucket(): Promise<void>;
  abstract put(key: string, body: Buffer, contentType: string, cacheControl?: string): Promise<void>;
  abstract get(key: string): Promise<Buffer>;
  /** null when there is no such object. */
  abstract stat(key: string): Promise<StoredObjectInfo | null>;
  abstract remove(key: string): Promise<void>;
  /** The first bytes of an object (to check what a file really is). */
  abstract head(key: string, bytes: number): Promise<Buffer>;
  /** A URL a browser can PUT the object's bytes to, directly, until it expires. */
  abstract presignedPutUrl(key: string, expirySeconds: number): Promise<string>;
  /** A URL a browser can GET a private object from until it expires (a payout's signed receipt), saved as `fileName` when given (a report). */
  abstract presignedGetUrl(key: string, expirySeconds: number, fileName?: string): Promise<string>;
  /** URL a browser can fetch for a public object (photo variants). */
  abstract publicUrl(key: string): string;
  /** Throws when the store does not answer (health check). */
  abstract ping(): Promise<void>;
}
