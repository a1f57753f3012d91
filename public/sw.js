// Cobranza's service worker: the app starts from this cache with or without a network.
// `cargo xtask precache` (a trunk post_build hook) fills in the two constants below from the
// files of the build; a new build gives a new version, which the page offers to the person
// instead of swapping it under their feet.
const VERSION = "unbuilt";
const PRECACHE = [];

const CACHE = `cobranza-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "no-cache" })))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("cobranza-") && name !== CACHE) {
          await caches.delete(name);
        }
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") {
    self.skipWaiting();
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Every page of the app is the same document; the router inside it picks the screen.
      const key = request.mode === "navigate" ? "/index.html" : request;
      return (await cache.match(key)) ?? fetch(request);
    })(),
  );
});
