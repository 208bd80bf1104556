import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The API serves the built console under /console/ (apps/api/src/console/console.module.ts). */
const apiUrl = process.env.SAL_API_URL ?? 'http://127.0.0.1:3000';
const API_ROUTES = ['/journeys', '/people', '/programmes', '/supervisor', '/staff', '/offices', '/notifications', '/audit', '/health', '/console/config', '/console/dev-token'];

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  // `npm run -w @sal/console dev`: the console with hot reload, the API (`npm start`) behind a proxy.
  server: { proxy: Object.fromEntries(API_ROUTES.map((route) => [route, apiUrl])) },
});
