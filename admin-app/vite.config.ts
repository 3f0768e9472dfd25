import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the bundle: pages at /app and /ops, assets under /admin/assets.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2048 },
});
