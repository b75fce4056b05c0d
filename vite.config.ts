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
    // three.js alone is about 600 kB minified; a 3D chapter needs all of it.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      input: sitePages().map((page) => fileURLToPath(new URL(page, import.meta.url))),
      output: {
        // Libraries in their own named chunks: cached once, shared by every chapter.
        codeSplitting: {
          groups: [
            { name: 'three', test: /[\\/]node_modules[\\/]three[\\/]/ },
            { name: 'katex', test: /[\\/]node_modules[\\/]katex[\\/]/ },
            { name: 'd3', test: /[\\/]node_modules[\\/](d3|d3-[a-z-]+|internmap|delaunator|robust-predicates)[\\/]/ },
            { name: 'notebook-libs', test: /[\\/]node_modules[\\/](@observablehq|highlight\.js)[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
