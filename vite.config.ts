import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { atlasContentSecurityPolicy, atlasShell, atlasThemeScript, sitePages } from './src/notebook/site/vite-plugins.ts';

export default defineConfig({
  // Relative URLs everywhere: the built site works from any path on any static host.
  base: './',
  plugins: [atlasShell(), atlasThemeScript(), atlasContentSecurityPolicy()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Fonts (KaTeX) and images as files, never data: URIs.
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: sitePages().map((page) => fileURLToPath(new URL(page, import.meta.url))),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
