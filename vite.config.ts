// Builds the web app (src/web) into dist/web; `npm run dev:web` serves it with hot reload and sends
// /api to a running wcc server (http://localhost:3000, or WCC_API_URL) so cookies stay same-origin.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, 'src/web');

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  publicDir: false,
  resolve: { alias: { '@nhsuk-assets': resolve(import.meta.dirname, 'node_modules/nhsuk-frontend/dist/nhsuk/assets') } },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
  css: {
    preprocessorOptions: {
      // nhsuk-frontend resolves its own partials from node_modules; silence its deprecation chatter.
      scss: { quietDeps: true, loadPaths: [resolve(import.meta.dirname, 'node_modules')] },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.WCC_API_URL ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
