import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { atlasContentSecurityPolicy, atlasShell, atlasThemeScript, sitePages } from './src/notebook/site/vite-plugins.ts';

/** Our TypeScript modules under src/ (not ?raw sources, not styles). */
const SIDE_EFFECT_FREE = /[\\/]src[\\/][^?]*\.ts$/;
/** ...except the entry scripts, which run for their effects. */
const NOT_SIDE_EFFECT_FREE = /[\\/]src[\\/](workers[\\/]|notebook[\\/]home\.ts$)/;

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
      treeshake: {
        // The platform's modules (src/) only declare things: importing one for
        // nothing must not drag its imports onto the page. Without this, the
        // notebook's re-export of the voxel view put three.js (145 KB gzip) on
        // chapters without a 3D view. Entry scripts (home.ts, workers), styles
        // and everything else keep their side effects.
        moduleSideEffects: (id: string) => !SIDE_EFFECT_FREE.test(id) || NOT_SIDE_EFFECT_FREE.test(id),
      },
      output: {
        // Libraries in their own named chunks: cached once, shared by every chapter.
        // The lib- prefix tells them from our own modules (src/viz/three) in the
        // page-weight report (test/bench/pages/page-weight.ts), which checks that
        // three.js, D3 and KaTeX load only on the pages that use them.
        codeSplitting: {
          groups: [
            { name: 'lib-three', test: /[\\/]node_modules[\\/]three[\\/]/ },
            { name: 'lib-katex', test: /[\\/]node_modules[\\/]katex[\\/]/ },
            { name: 'lib-d3', test: /[\\/]node_modules[\\/](d3|d3-[a-z-]+|internmap|delaunator|robust-predicates)[\\/]/ },
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
