// Idempotency keys for writes (issue 13, item 3). Every POST, PUT and DELETE the app sends carries
// an `Idempotency-Key` header: the server answers a repeat of the same key and body with its first
// answer, so a write resent after a lost answer is stored once.
//
// One key is made per logical write. The outbox keeps its key with the queued session. For other
// writes the client remembers the key of a write whose answer never came (offline, a 5xx): sending
// the same request again (same method, path and body: the person pressing "Save" again) is a retry
// and reuses it. Any answer that settles the write (2xx, or a 4xx: looked at and refused, nothing
// stored) forgets it, so the next write, even with an identical body, is a new one.

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** What newIdempotencyKey needs of `crypto` (randomUUID is missing outside secure contexts). */
export interface RandomSource {
  getRandomValues(array: Uint8Array): Uint8Array;
  randomUUID?: () => string;
}

/** A random version-4 UUID; crypto.randomUUID where the page is a secure context, else built. */
export function newIdempotencyKey(source: RandomSource = globalThis.crypto): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The keys of writes not yet settled, by request (method, path and body). */
export class PendingWrites {
  private readonly keys = new Map<string, string>();

  constructor(private readonly make: () => string = newIdempotencyKey) {}

  private static id(method: string, path: string, body: string | undefined): string {
    return `${method} ${path}\n${body ?? ''}`;
  }

  /** The key for this write: the one of an unsettled identical write, or a new one. */
  keyFor(method: string, path: string, body: string | undefined): string {
    const id = PendingWrites.id(method, path, body);
    let key = this.keys.get(id);
    if (key === undefined) {
      key = this.make();
      this.keys.set(id, key);
    }
    return key;
  }

  /** The write got an answer that settles it (status 0 is no answer; a 5xx is not settled either). */
  answered(method: string, path: string, body: string | undefined, status: number): void {
    if (status === 0 || status >= 500) return;
    this.keys.delete(PendingWrites.id(method, path, body));
  }
}
