/**
 * Packages that must never be in the initial chunks of the sign-in, sign-up and account pages: each is
 * heavy and needed by one step only, so the components import it dynamically (DESIGN: "zxcvbn
 * dictionaries only when a new-password field mounts, `qrcode` only in TOTP setup"). Add a package
 * here when a component starts loading one on demand.
 */
export const LAZY_ONLY_PACKAGES = ['@zxcvbn-ts/core', '@zxcvbn-ts/language-common', '@zxcvbn-ts/language-en', 'qrcode'] as const;

/** A module id (an absolute path, pnpm layout included) belongs to `pkg` when it sits in that package's folder. */
export function isModuleOf(moduleId: string, pkg: string): boolean {
  return moduleId.replace(/\\/g, '/').includes(`/node_modules/${pkg}/`);
}

export interface LazyOnlyReport {
  pkg: string;
  /** Where it was found: nowhere (not bundled), only in lazy chunks, or in an initial chunk (a failure). */
  where: 'absent' | 'lazy' | 'initial';
  /** Gzipped bytes of the lazy chunks that contain it (0 when absent or initial). */
  lazyGzipBytes: number;
}

/** Where each of {@link LAZY_ONLY_PACKAGES} ended up in a build. */
export function lazyOnlyReport(chunks: ReadonlyArray<{ moduleIds: readonly string[]; initial: boolean; gzipBytes: number }>): LazyOnlyReport[] {
  return LAZY_ONLY_PACKAGES.map((pkg) => {
    const holding = chunks.filter((chunk) => chunk.moduleIds.some((id) => isModuleOf(id, pkg)));
    if (holding.length === 0) return { pkg, where: 'absent', lazyGzipBytes: 0 };
    if (holding.some((chunk) => chunk.initial)) return { pkg, where: 'initial', lazyGzipBytes: 0 };
    return { pkg, where: 'lazy', lazyGzipBytes: holding.reduce((n, chunk) => n + chunk.gzipBytes, 0) };
  });
}

/** One line for the report, e.g. `@zxcvbn-ts/core lazy (6.0 KB gzip)  qrcode not bundled`. */
export function formatLazyOnly(report: readonly LazyOnlyReport[]): string {
  return report
    .map((r) => `${r.pkg} ${r.where === 'absent' ? 'not bundled' : r.where === 'lazy' ? `lazy (${(r.lazyGzipBytes / 1024).toFixed(1)} KB gzip)` : 'IN THE INITIAL CHUNKS'}`)
    .join('   ');
}
