import { z } from 'zod';

/** Request bodies and queries of the Backend API. Strict, like the Frontend API's. */
const metadata = z.record(z.string(), z.unknown());
const name = z.string().max(128).nullable().optional();

export const backendCreateUserBody = z.strictObject({
  email_address: z.array(z.string().max(320)).max(10).optional(),
  username: z.string().max(64).optional(),
  password: z.string().max(1024).optional(),
  first_name: name,
  last_name: name,
  public_metadata: metadata.optional(),
  private_metadata: metadata.optional(),
  unsafe_metadata: metadata.optional(),
});
export type BackendCreateUserBody = z.infer<typeof backendCreateUserBody>;

export const backendUpdateUserBody = z.strictObject({
  username: z.string().max(64).nullable().optional(),
  password: z.string().max(1024).optional(),
  first_name: name,
  last_name: name,
  public_metadata: metadata.optional(),
  private_metadata: metadata.optional(),
  unsafe_metadata: metadata.optional(),
});
export type BackendUpdateUserBody = z.infer<typeof backendUpdateUserBody>;

/** Deep-merged into the stored metadata; a key set to null is removed. */
export const backendMergeMetadataBody = z.strictObject({
  public_metadata: metadata.optional(),
  private_metadata: metadata.optional(),
  unsafe_metadata: metadata.optional(),
});
export type BackendMergeMetadataBody = z.infer<typeof backendMergeMetadataBody>;

const limit = z.coerce.number().int().min(1).max(500).default(10);
const offset = z.coerce.number().int().min(0).max(1_000_000).default(0);

export const backendListUsersQuery = z.strictObject({
  limit,
  offset,
  /** Matches email addresses, usernames, first and last names (case-insensitive, substring). */
  query: z.string().max(320).optional(),
  order_by: z.enum(['created_at', '-created_at']).default('-created_at'),
});
export type BackendListUsersQuery = z.infer<typeof backendListUsersQuery>;

export const backendListSessionsQuery = z.strictObject({
  limit,
  offset,
  user_id: z.string().max(64).optional(),
  status: z.enum(['active', 'ended', 'expired', 'removed', 'replaced', 'revoked', 'abandoned']).optional(),
});
export type BackendListSessionsQuery = z.infer<typeof backendListSessionsQuery>;
