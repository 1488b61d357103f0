import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API is proxied so the browser sees one origin: the __client cookie is first-party and
// no CORS is involved, exactly as with a production reverse proxy in front of the app.
const target = process.env.USHER_API_TARGET ?? 'http://127.0.0.1:4000';
// The playground's own backend (server/main.ts), next to it like an app's API.
const apiServer = `http://127.0.0.1:${process.env.PLAYGROUND_API_PORT ?? 5174}`;

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/v1': { target, changeOrigin: false, xfwd: true },
      '/.well-known': { target, changeOrigin: false },
      '/api': { target: apiServer, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/v1': { target, changeOrigin: false, xfwd: true },
      '/.well-known': { target, changeOrigin: false },
      '/api': { target: apiServer, changeOrigin: false },
    },
  },
});
