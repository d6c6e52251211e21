import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { linguiCatalogues } from './scripts/lingui-catalogues.ts';

export default defineConfig({
  plugins: [react(), linguiCatalogues()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  build: { outDir: 'dist', sourcemap: true, target: 'es2022' },
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'server/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    // The reliability suite sends hundreds of requests a test: on a loaded 2-core runner 5 s is not enough.
    testTimeout: 20_000,
    // Dates show in the agent's time zone: the tests pin one.
    env: { TZ: 'UTC' },
  },
});
