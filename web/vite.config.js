import { defineConfig } from 'vite';

// The server (binome serve --web-root web/dist) serves dist/ as is; every asset is local.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Never inline assets as data: URIs: the CSP allows only our own origin.
    assetsInlineLimit: 0,
    // DSFR's module build is large; warn only above 1 MB.
    chunkSizeWarningLimit: 1024,
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    // `npm run dev` against a local `binome serve --listen 127.0.0.1:8080`.
    proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' },
  },
});
