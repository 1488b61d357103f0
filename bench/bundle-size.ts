import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const entries = {
  '@usher/core': fileURLToPath(new URL('../packages/core/src/index.ts', import.meta.url)),
};

/** Minified + gzipped size of each package's ESM build for browsers, all dependencies included. */
export async function bundleSize(): Promise<void> {
  console.log('\n# Bundle size (esbuild, ESM, minified, browser, deps bundled)');
  for (const [name, entry] of Object.entries(entries)) {
    const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, target: 'es2022', treeShaking: true });
    const code = result.outputFiles[0]!.contents;
    console.log(`${name.padEnd(16)} ${(code.length / 1024).toFixed(1).padStart(7)} KB min   ${(gzipSync(code, { level: 9 }).length / 1024).toFixed(1).padStart(6)} KB gzip`);
  }
}
