import { build, type Rollup } from 'vite';
import react from '@vitejs/plugin-react';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const reactEntry = fileURLToPath(new URL('../packages/react/src/index.ts', import.meta.url));

/**
 * What a page that renders only <SignIn/> inside the provider costs: a Vite production build,
 * react and react-dom left out (every React app already ships them), initial vs lazy chunks.
 * Budget (issue 3): initial ≤ 45 KB gzip.
 */
export async function signInPage(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'usher-bench-page-'));
  try {
    writeFileSync(
      join(dir, 'main.tsx'),
      `import { createRoot } from 'react-dom/client';
import { UsherProvider, SignIn } from ${JSON.stringify(reactEntry)};
createRoot(document.getElementById('root')!).render(<UsherProvider frontendApi=""><SignIn /></UsherProvider>);
`,
    );
    const output = (await build({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      plugins: [react()],
      build: {
        write: false,
        minify: true,
        rollupOptions: { input: join(dir, 'main.tsx'), external: [/^react(-dom)?(\/.*)?$/] },
      },
    })) as Rollup.RollupOutput | Rollup.RollupOutput[];
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
    // Initial = the entry and everything it imports statically; the rest loads on demand.
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    const initial = new Set<string>();
    const visit = (name: string) => {
      if (initial.has(name)) return;
      initial.add(name);
      for (const dep of byName.get(name)?.imports ?? []) visit(dep);
    };
    for (const c of chunks) if (c.isEntry) visit(c.fileName);
    const gz = (c: Rollup.OutputChunk) => gzipSync(c.code, { level: 9 }).length;
    const sum = (list: Rollup.OutputChunk[]) => list.reduce((n, c) => n + gz(c), 0) / 1024;
    const initialChunks = chunks.filter((c) => initial.has(c.fileName));
    const lazyChunks = chunks.filter((c) => !initial.has(c.fileName));
    console.log('\n# Sign-in page (Vite production build, <UsherProvider><SignIn/>, react + react-dom excluded)');
    console.log(`initial ${sum(initialChunks).toFixed(1)} KB gzip (${initialChunks.length} chunk${initialChunks.length === 1 ? '' : 's'}; budget 45 KB)   lazy ${sum(lazyChunks).toFixed(1)} KB gzip (${lazyChunks.length} chunks)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
