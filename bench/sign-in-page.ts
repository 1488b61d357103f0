import { build, type Rollup } from 'vite';
import react from '@vitejs/plugin-react';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { formatLazyOnly, lazyOnlyReport } from './lazy-modules.ts';

const reactEntry = fileURLToPath(new URL('../packages/react/src/index.ts', import.meta.url));

interface Page {
  title: string;
  component: 'SignIn' | 'SignUp' | 'UserProfile';
  /** Initial KB gzip the page may cost, when an issue set one. */
  budgetKb?: number;
}

// Budget (issue 3): the sign-in page's initial chunks ≤ 45 KB gzip.
const PAGES: Page[] = [
  { title: 'Sign-in page', component: 'SignIn', budgetKb: 45 },
  { title: 'Sign-up page', component: 'SignUp' },
  // The account page: its password section loads zxcvbn, its two-step section qrcode, both on demand.
  { title: 'UserProfile page', component: 'UserProfile' },
];

/**
 * What a page that renders only <SignIn/> (or only <SignUp/>, or only <UserProfile/>) inside the provider costs: a Vite
 * production build, react and react-dom left out (every React app already ships them), initial vs
 * lazy chunks. Fails when a package of LAZY_ONLY_PACKAGES (zxcvbn, qrcode) is in the initial chunks.
 */
export async function signInPage(): Promise<void> {
  const misplaced: string[] = [];
  for (const page of PAGES) {
    const chunks = await buildPage(page.component);
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
    const lazyOnly = lazyOnlyReport(chunks.map((c) => ({ moduleIds: c.moduleIds, initial: initial.has(c.fileName), gzipBytes: gz(c) })));
    misplaced.push(...lazyOnly.filter((r) => r.where === 'initial').map((r) => `${r.pkg} (${page.title})`));
    const budget = page.budgetKb === undefined ? '' : `; budget ${page.budgetKb} KB`;
    console.log(`\n# ${page.title} (Vite production build, <UsherProvider><${page.component}/>, react + react-dom excluded)`);
    console.log(`initial ${sum(initialChunks).toFixed(1)} KB gzip (${initialChunks.length} chunk${initialChunks.length === 1 ? '' : 's'}${budget})   lazy ${sum(lazyChunks).toFixed(1)} KB gzip (${lazyChunks.length} chunks)`);
    console.log(`lazy only: ${formatLazyOnly(lazyOnly)}`);
  }
  if (misplaced.length) throw new Error(`Packages that must load on demand are in the initial chunks: ${misplaced.join(', ')}. Import them dynamically.`);
}

async function buildPage(component: Page['component']): Promise<Rollup.OutputChunk[]> {
  const dir = mkdtempSync(join(tmpdir(), 'usher-bench-page-'));
  try {
    writeFileSync(
      join(dir, 'main.tsx'),
      `import { createRoot } from 'react-dom/client';
import { UsherProvider, ${component} } from ${JSON.stringify(reactEntry)};
createRoot(document.getElementById('root')!).render(<UsherProvider frontendApi=""><${component} /></UsherProvider>);
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
    return (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
