/** What a device list shows of a user agent. Unknown parts are null, never guessed. */
export interface ParsedUserAgent {
  browserName: string | null;
  browserVersion: string | null;
  osName: string | null;
  deviceType: 'desktop' | 'mobile' | 'tablet' | null;
  isMobile: boolean;
}

/** Ordered: Edge, Opera and Samsung Internet also say "Chrome"; Chrome also says "Safari". */
const BROWSERS: Array<[name: string, pattern: RegExp]> = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/([\d.]+)/],
  ['Opera', /\b(?:OPR|Opera)\/([\d.]+)/],
  ['Samsung Internet', /\bSamsungBrowser\/([\d.]+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/([\d.]+)/],
  ['Chrome', /\b(?:HeadlessChrome|Chrome|CriOS)\/([\d.]+)/],
  ['Safari', /\bVersion\/([\d.]+)(?: Mobile\/\S+)? Safari\//],
];

const SYSTEMS: Array<[name: string, pattern: RegExp]> = [
  ['iOS', /\b(?:iPhone|iPad|iPod)\b/],
  ['Android', /\bAndroid\b/],
  ['ChromeOS', /\bCrOS\b/],
  ['Windows', /\bWindows\b/],
  ['macOS', /\bMac OS X\b|\bMacintosh\b/],
  ['Linux', /\bLinux\b/],
];

/**
 * Reads a user agent the way a person names a device: "Chrome 131 on macOS, desktop". A small
 * table, not a database: common browsers and systems only; the rest is null.
 *
 * @example
 * parseUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) … Version/17.5 Mobile/15E148 Safari/604.1')
 * // { browserName: 'Safari', browserVersion: '17.5', osName: 'iOS', deviceType: 'mobile', isMobile: true }
 */
export function parseUserAgent(userAgent: string | null): ParsedUserAgent {
  if (!userAgent) return { browserName: null, browserVersion: null, osName: null, deviceType: null, isMobile: false };
  let browserName: string | null = null;
  let browserVersion: string | null = null;
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(userAgent);
    if (match) {
      browserName = name;
      // Major.minor is enough to tell versions apart in a list.
      browserVersion = (match[1] ?? '').split('.').slice(0, name === 'Safari' || name === 'Firefox' ? 2 : 1).join('.') || null;
      break;
    }
  }
  const osName = SYSTEMS.find(([, pattern]) => pattern.test(userAgent))?.[0] ?? null;
  const tablet = /\biPad\b|\bTablet\b/.test(userAgent) || (/\bAndroid\b/.test(userAgent) && !/\bMobile\b/.test(userAgent));
  const mobile = !tablet && /\bMobile\b|\biPhone\b|\biPod\b/.test(userAgent);
  const deviceType = tablet ? 'tablet' : mobile ? 'mobile' : osName === null && browserName === null ? null : 'desktop';
  return { browserName, browserVersion, osName, deviceType, isMobile: mobile || tablet };
}
