/** Types for loader-source.mjs (plain JavaScript: scripts/build.mjs runs before anything is built). */
export function loaderSource(bundle: string, cacheName: string): string;
