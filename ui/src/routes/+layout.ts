// Encore is a client-only SPA loaded from Tauri's custom protocol: no SSR, no prerendering.
// adapter-static emits build/index.html as the fallback for every route.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';
