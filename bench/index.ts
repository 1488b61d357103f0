// `pnpm bench [bundle|page|jwt|mint]`: prints the figures we report in issue notes. Budgets live here, not in tests.
export {};
const benches: Record<string, () => Promise<void>> = {
  bundle: async () => (await import('./bundle-size.ts')).bundleSize(),
  page: async () => (await import('./sign-in-page.ts')).signInPage(),
  jwt: async () => (await import('./jwt-algorithms.ts')).jwtAlgorithms(),
  mint: async () => (await import('./token-mint.ts')).tokenMint(),
};

const only = process.argv[2];
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  await run();
}
