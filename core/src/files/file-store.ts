/**
 * Where file bytes live, addressed by their SHA-256: the same bytes are stored once
 * however many orders, jobs or shops carry them. Rows in `files` say who may see them.
 */
export interface FileStore {
  put(bytes: Uint8Array): Promise<StoredBlob>;
  get(sha256: string): Promise<Uint8Array | null>;
}

export interface StoredBlob {
  sha256: string;
  sizeBytes: number;
}
