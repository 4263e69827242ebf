// Unload's service worker: makes the app installable and lets it open without a connection.
// - The app itself (the page, hashed assets, manifest, icons): served from the cache at once and
//   refreshed in the background (stale-while-revalidate), so a new build shows on the next visit.
// - API reads (GET /api/...): network first, the last good answer when offline, so today's
//   program and session still open on the floor with no Wi-Fi.
// - Nothing that changes data is cached or replayed here: the app keeps its own outbox of session
//   events and sends it when the connection returns.
const CACHE = 'unload-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(['/', '/manifest.webmanifest', '/icon.svg'])));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw error;
  }
}

async function staleWhileRevalidate(request, event) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  const refresh = fetch(request).then((response) => {
    if (response.ok) return cache.put(request, response.clone()).then(() => response);
    return response;
  });
  if (cached) {
    event.waitUntil(refresh.catch(() => undefined));
    return cached;
  }
  return refresh;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    // Exports and calendars are downloads the person asked for now: never from a cache.
    if (url.pathname === '/api/v1/export' || url.pathname.endsWith('.ics')) return;
    event.respondWith(networkFirst(request));
    return;
  }
  if (url.pathname === '/metrics' || url.pathname === '/healthz') return;
  event.respondWith(staleWhileRevalidate(request.mode === 'navigate' ? new Request('/') : request, event));
});

// A reminder notification (pages/reminders/notifier.ts) opens the app, or brings it forward.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || '/';
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      return open ? open.focus() : self.clients.openWindow(url);
    }),
  );
});
