import react from '@vitejs/plugin-react-swc';
import { defineConfig } from 'vite';

/**
 * The console is static files under `/console/` of the API (any path prefix in front of it): `base: './'`
 * keeps every asset URL relative, and the API is found relative to the page (`<meta name="api-base">`).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    reportCompressedSize: true,
  },
});
