import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { catalogPlugin } from './scripts/catalog-plugin';

// Unit tests: everything under tests/ except the end-to-end suite.
export default defineConfig({
  plugins: [WxtVitest(), preact(), catalogPlugin('data')],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['tests/setup/i18n.ts'],
  },
});
