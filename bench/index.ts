// `pnpm bench [bundle|page|jwt|verify|mint|mint-pg]`: prints the figures we report in issue notes. Budgets live here, not in tests.
export {};
const benches: Record<string, () => Promise<void>> = {
  bundle: async () => (await import('./bundle-size.ts')).bundleSize(),
  page: async () => (await import('./sign-in-page.ts')).signInPage(),
  jwt: async () => (await import('./jwt-algorithms.ts')).jwtAlgorithms(),
  verify: async () => (await import('./verify-token.ts')).verifyTokenBench(),
  mint: async () => (await import('./token-mint.ts')).tokenMint(),
  // Needs DATABASE_URL (PostgreSQL); the bench works in a schema of its own and drops it.
  'mint-pg': async () => (await import('./token-mint.ts')).tokenMintOnPostgres(),
};

const only = process.argv[2];
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  await run();
}
