/** The operator commands' part of `usher --help` (no imports: help loads no database driver). */
export const ADMIN_HELP = `Operator commands (on DATABASE_URL, else ./.usher/usher.db):
  usher secret-keys create [--name NAME]   Create a Backend API secret key (shown once)
  usher secret-keys list                   List keys (hint, name, created, revoked)
  usher secret-keys revoke KEY_ID          Revoke a key (rotation: create, deploy, revoke the old one)
  usher users list [--query Q] [--limit N] List users, newest first
  usher users create --email E [--password P] [--first-name F] [--last-name L]
  usher users ban|unban|lock|unlock USER   USER is a user id or an email address
  usher users disable-mfa USER             Turn 2-step verification off (lost devices)
  usher keys rotate                        New signing key; the old one stays in the JWKS for 24 h
  usher keys list                          Signing keys (kid, created, retired)
  usher config get                         Print the instance settings (JSON)
  usher config set KEY=VALUE …             e.g. sign_up_mode=restricted lockout_max_attempts=20
  usher webhooks list                      Webhook endpoints
  usher webhooks create --url URL [--events user.created,…] [--description D]   Prints the signing secret
  usher webhooks delete ENDPOINT_ID
  usher webhooks messages [--status dead] [--endpoint ID] [--limit N]   Deliveries, newest first
  usher webhooks replay MESSAGE_ID … | --dead [--endpoint ID]   Send again (same webhook-id)
Keys are sk_live_… when USHER_ENVIRONMENT=production (or NODE_ENV=production), else sk_test_….
`;
