import { describe, expect, it } from 'vitest';
import { parseIpRangeList } from '../ratelimit/ip-range.ts';
import { deviceInfo } from './device-info.ts';

const proxies = parseIpRangeList(['10.0.0.0/8']);
const request = (headers: Record<string, string>) => new Request('http://localhost/v1/client', { headers });

describe('deviceInfo', () => {
  it('reads Vercel and CloudFront location headers through a trusted proxy, decoded', () => {
    expect(deviceInfo(request({ 'x-vercel-ip-city': 'S%C3%A3o%20Paulo', 'x-vercel-ip-country': 'BR', 'x-forwarded-for': '198.51.100.7' }), '10.1.2.3', proxies)).toEqual({
      userAgent: null,
      ipAddress: '198.51.100.7',
      city: 'São Paulo',
      country: 'BR',
    });
    expect(deviceInfo(request({ 'cloudfront-viewer-city': 'Osaka', 'cloudfront-viewer-country': 'JP' }), '10.1.2.3', proxies)).toMatchObject({ city: 'Osaka', country: 'JP', ipAddress: '10.1.2.3' });
  });

  it('drops markup, control characters, unknown countries and over-long values', () => {
    const info = deviceInfo(request({ 'cf-ipcity': '<script>x</script>', 'cf-ipcountry': 'XX', 'user-agent': `A${'b'.repeat(600)}` }), '10.0.0.1', proxies);
    expect(info).toMatchObject({ city: null, country: null });
    expect(info.userAgent).toHaveLength(512);
    expect(deviceInfo(request({ 'cf-ipcity': '%E0%A4%A', 'cf-ipcountry': 'FRA' }), '10.0.0.1', proxies)).toMatchObject({ city: null, country: null });
  });

  it('without a peer knows no address, and ignores location headers', () => {
    expect(deviceInfo(request({ 'cf-ipcity': 'Lyon', 'cf-ipcountry': 'FR' }), undefined, proxies)).toEqual({ userAgent: null, ipAddress: null, city: null, country: null });
  });
});
