export * from './errors.ts';
export * from './resources.ts';
export * from './claims.ts';
export * from './http.ts';
export * from './requests.ts';
export * from './redirects.ts';
export * from './avatar.ts';
