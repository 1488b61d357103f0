import { escapeHtml } from '../oidc/login-page.ts';

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:26rem;padding:0 1rem;color:#1f2328;background:#fff}
form{display:flex;flex-direction:column;gap:.5rem}
button{font:inherit;padding:.5rem 1rem;border-radius:6px;border:1px solid #1f6f35;background:#1f883d;color:#fff;cursor:pointer}
button.secondary{background:#f6f8fa;color:#1f2328;border-color:#8c959f}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/**
 * "Authorize <app>": one "Sign in as <login>" button per user and a "Cancel" button. The form
 * posts back to the same URL (query kept), so the page holds no state.
 */
export function authorizePage(input: { action: string; clientId: string; scopes: readonly string[]; logins: readonly string[] }): string {
  const buttons = input.logins.map((login) => `<button type="submit" name="login" value="${escapeHtml(login)}">Sign in as ${escapeHtml(login)}</button>`).join('\n');
  const scopes = input.scopes.length > 0 ? input.scopes.map(escapeHtml).join(', ') : 'public information only';
  return page(
    'Authorize application - Fake GitHub',
    `<h1>Authorize ${escapeHtml(input.clientId)}</h1>
<p>This application asks for: ${scopes}.</p>
${input.logins.length === 0 ? '<p role="alert">No users exist: add one with addUser().</p>' : ''}
<form method="post" action="${escapeHtml(input.action)}">
${buttons}
<button type="submit" name="cancel" value="1" class="secondary">Cancel</button>
</form>`,
  );
}

export function notFoundPage(message: string): string {
  return page('Not Found - Fake GitHub', `<h1>404</h1>\n<p role="alert"><code data-error="not_found">not_found</code>: <span data-error-description>${escapeHtml(message)}</span></p>`);
}
