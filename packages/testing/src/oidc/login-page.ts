const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:26rem;padding:0 1rem;color:#111;background:#fff}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input{font:inherit;padding:.5rem;width:100%;box-sizing:border-box;border:1px solid #555;border-radius:4px}
button{font:inherit;margin-top:1rem;padding:.5rem 1rem;border-radius:4px;border:1px solid #1a4d8f;background:#1a4d8f;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1a4d8f}
[role=alert]{color:#a00000;font-weight:600}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export interface LoginPageInput {
  uid: string;
  clientId: string;
  scope: string;
  /** Pre-filled value (after an error or a `login_hint`). */
  sub?: string;
  error?: string;
}

/** The provider's login page: one text field "Account (sub)", "Sign in" and "Cancel". */
export function loginPage({ uid, clientId, scope, sub, error }: LoginPageInput): string {
  const base = `/interaction/${encodeURIComponent(uid)}`;
  const alert = error ? `<p role="alert" id="login-error">${escapeHtml(error)}</p>` : '';
  const described = error ? ' aria-describedby="login-error" aria-invalid="true"' : '';
  return page(
    'Sign in - Test OpenID Provider',
    `<h1>Sign in to the test OpenID Provider</h1>
<p><strong>${escapeHtml(clientId)}</strong> asks for: ${escapeHtml(scope)}.</p>
${alert}
<form method="post" action="${base}/login">
<label for="sub">Account (sub)</label>
<input id="sub" name="sub" type="text" autocomplete="username" required autofocus value="${escapeHtml(sub ?? '')}"${described}>
<button type="submit">Sign in</button>
</form>
<form method="post" action="${base}/abort">
<button type="submit" class="secondary">Cancel</button>
</form>`,
  );
}

/** The page oidc-provider shows when it cannot redirect back (bad client_id, redirect_uri...). */
export function errorPage(error: string, description: string | undefined): string {
  return page(
    'Error - Test OpenID Provider',
    `<h1>Something went wrong</h1>
<p role="alert"><code data-error="${escapeHtml(error)}">${escapeHtml(error)}</code>${description ? `: <span data-error-description>${escapeHtml(description)}</span>` : ''}</p>`,
  );
}
