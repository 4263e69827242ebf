// What "delete everything" also clears in this browser: Unload's own keys in localStorage (the
// session outbox, settings) except the access token, which belongs to the server rather than to
// the person's record; and the copies of API answers the service worker keeps for offline use.

export const KEPT_KEYS = new Set(['unload.token']);

/** The localStorage keys to remove: Unload's, except the token. */
export function localKeysToForget(keys: readonly string[]): string[] {
  return keys.filter((key) => key.startsWith('unload.') && !KEPT_KEYS.has(key));
}

/** True for a cached request that holds personal data (anything under /api/). */
export function isApiCopy(url: string): boolean {
  try {
    return new URL(url, 'http://localhost').pathname.startsWith('/api/');
  } catch {
    return false;
  }
}

/** `unload-export-2026-03-09.json`, the date in the person's own calendar. */
export function exportFileName(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `unload-export-${y}-${m}-${d}.json`;
}

/** The typed confirmation matches the word the server asks for, whatever the case or spaces. */
export function confirmed(typed: string): boolean {
  return typed.trim().toLowerCase() === 'forget';
}

/** Clears this browser's copies; never throws (a browser without storage has nothing to clear). */
export async function forgetLocalCopies(): Promise<void> {
  try {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key !== null) keys.push(key);
    }
    for (const key of localKeysToForget(keys)) localStorage.removeItem(key);
  } catch {
    // No storage: nothing kept.
  }
  await forgetCachedAnswers();
}

/**
 * Removes the service worker's copies of API answers (also on signing out of a clinic, so the
 * next person on a shared device cannot open them offline); never throws.
 */
export async function forgetCachedAnswers(): Promise<void> {
  try {
    if (typeof caches !== 'undefined') {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          if (isApiCopy(request.url)) await cache.delete(request);
        }
      }
    }
  } catch {
    // Cache storage unavailable: nothing kept.
  }
}
