import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Paths are resolved from this file, not from the shell's cwd: the build runs from the repo root
// (`npx vite build --config apps/dashboard/vite.config.ts`) and dev may run from anywhere.
// WHATWG URL instead of node:url keeps this file inside the dashboard's browser-only tsconfig
// (no @types/node there, so app code cannot reach for `process` or `Buffer` by accident).
const here = (path: string): string => decodeURIComponent(new URL(path, import.meta.url).pathname);

// Everything the api serves besides the SPA. In production the api serves the built app on the
// same origin, so the dev server forwards these to it and the code only ever uses relative URLs.
const API_TARGET = 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  // The app is served at `/` by the api; absolute asset URLs keep deep links (/home/admin) working.
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@ducha/contracts': here('../../libs/contracts/src/index.ts'),
      // Framework-free scoring engine; aliased now so screens can import it once it lands.
      '@ducha/scoring': here('../../libs/scoring/src/index.ts'),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: API_TARGET, changeOrigin: true },
      '/socket.io': { target: API_TARGET, changeOrigin: true, ws: true },
      '/files': { target: API_TARGET, changeOrigin: true },
      '/exports': { target: API_TARGET, changeOrigin: true },
      '/health': { target: API_TARGET, changeOrigin: true },
    },
  },
  build: {
    outDir: here('../../dist/dashboard'),
    emptyOutDir: true,
    target: 'es2022',
    // antd grows past 500 kB (160 kB gzip) once the tables, trees and pickers are in use; it is a
    // long-cached vendor chunk, so the line sits above it rather than splitting antd's internals.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Split the large, rarely changing vendors into their own cached chunks so an app-only
        // release re-downloads only the small app chunk, and no chunk trips the size warning.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 30 },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib|zen-observable)[\\/]?/, priority: 20 },
            { name: 'icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 15 },
            // antd is split in two along a one-way dependency: the rc-* primitives, css-in-js
            // runtime and dayjs never import antd, so taking them first (higher priority) leaves
            // `antd` depending on `antd-base` and not the reverse. Together they would pass the
            // 500 kB warning line. (rolldown's maxSize splitting was tried: it cut a dependency
            // cycle and broke module init order at runtime.)
            {
              name: 'antd-base',
              test: /node_modules[\\/](@ant-design[\\/](?!icons)|@rc-component|@emotion|dayjs|classnames|stylis|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view)/,
              priority: 12,
            },
            { name: 'antd', test: /node_modules[\\/]antd[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
