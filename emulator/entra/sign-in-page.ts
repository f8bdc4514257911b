/**
 * HTML of the emulated Entra pages: the sign-in form (Username, Password,
 * Sign in, with the demo accounts listed but never their password), the signed-out
 * page and error pages.
 */
import { ACCOUNTS } from "./directory";

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

const STYLE = `
  *{box-sizing:border-box}
  body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;
    font-family:"Segoe UI",system-ui,-apple-system,sans-serif;background:#f3f4f6;color:#1f2937}
  main{width:100%;max-width:480px;padding:16px}
  .card{background:#fff;border:1px solid #e5e7eb;border-radius:10px;padding:32px 36px;box-shadow:0 1px 3px rgba(0,0,0,.06)}
  .brand{display:flex;align-items:center;gap:8px;font-size:13px;color:#6b7280;margin-bottom:20px}
  .logo{display:grid;grid-template-columns:repeat(2,9px);gap:2px}
  .logo span{width:9px;height:9px;background:#9ca3af}
  .logo span:first-child{background:#4b5563}
  h1{font-size:22px;font-weight:600;margin:0 0 4px}
  .sub{margin:0 0 22px;font-size:14px;color:#4b5563}
  label{display:block;font-size:14px;font-weight:600;margin:14px 0 6px}
  input[type=text],input[type=password]{width:100%;padding:9px 11px;font-size:15px;border:1px solid #d1d5db;border-radius:6px;background:#fff;color:inherit}
  input:focus{outline:2px solid #2563eb;outline-offset:1px;border-color:#2563eb}
  button{margin-top:22px;width:100%;padding:10px;font-size:15px;font-weight:600;color:#fff;background:#1f2937;border:0;border-radius:6px;cursor:pointer}
  button:hover{background:#111827}
  .error{margin:0 0 8px;padding:10px 12px;border-radius:6px;background:#fef2f2;border:1px solid #fecaca;color:#991b1b;font-size:14px}
  .hint{margin-top:18px;padding:14px 16px;background:#f9fafb;border:1px solid #e5e7eb;border-radius:8px;font-size:13px;color:#374151}
  .hint h2{font-size:13px;font-weight:600;margin:0 0 8px}
  .hint table{width:100%;border-collapse:collapse}
  .hint td{padding:3px 0;vertical-align:top}
  .hint td+td{color:#6b7280;text-align:right;padding-left:12px;white-space:nowrap}
  code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12.5px}
  .foot{margin-top:14px;text-align:center;font-size:12px;color:#9ca3af}
  .permissions{margin:0 0 18px;padding-left:20px;font-size:14px;line-height:1.7}
  .permissions code{color:#6b7280}
  .actions{display:flex;gap:10px}
  .actions button{flex:1}
  button.secondary{background:#fff;color:#1f2937;border:1px solid #d1d5db}
  button.secondary:hover{background:#f3f4f6}
`;

function layout(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<div class="card">
<div class="brand"><span class="logo" aria-hidden="true"><span></span><span></span><span></span><span></span></span>Entra ID emulator</div>
${content}
</div>
<p class="foot">Local emulator for development and demos. No real accounts are involved.</p>
</main>
</body>
</html>`;
}

export interface SignInPageInput {
  action: string;
  clientName: string;
  hidden: Iterable<[string, string]>;
  username: string;
  error: string | null;
}

/**
 * The page never shows the password, default or not: anyone who can open it could sign in.
 * Whoever started the emulator has it (its start banner, `npm run demo`, the README).
 */
const PASSWORD_HINT = "Password: printed where the emulator was started (<code>npm run demo</code>, <code>npm run emulator</code>).";

export function renderSignInPage(input: SignInPageInput): string {
  const hidden = [...input.hidden]
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
  const accounts = ACCOUNTS.map(
    (a) => `<tr><td><code>${escapeHtml(a.username)}</code></td><td>${escapeHtml(a.roleName ?? "No directory role")}</td></tr>`,
  ).join("");
  const error = input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : "";
  return layout(
    "Sign in to your account",
    `<h1>Sign in</h1>
<p class="sub">to continue to ${escapeHtml(input.clientName)}</p>
${error}
<form method="post" action="${escapeHtml(input.action)}" autocomplete="off">
${hidden}
<label for="username">Username</label>
<input id="username" name="username" type="text" value="${escapeHtml(input.username)}" autocapitalize="none" spellcheck="false" required${input.username ? "" : " autofocus"}>
<label for="password">Password</label>
<input id="password" name="password" type="password" required${input.username ? " autofocus" : ""}>
<button type="submit">Sign in</button>
</form>
<section class="hint" aria-label="Demo accounts">
<h2>Demo accounts</h2>
<table>${accounts}</table>
<p style="margin:8px 0 0">${PASSWORD_HINT}</p>
</section>`,
  );
}

export function renderMessagePage(title: string, message: string, detail?: string): string {
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p class="sub">${escapeHtml(message)}</p>
${detail ? `<p class="hint"><code>${escapeHtml(detail)}</code></p>` : ""}`,
  );
}

/** How the consent page names a Graph permission, as Entra's does. */
const PERMISSION_LABELS: Record<string, string> = {
  "auditlog.read.all": "Read audit log data",
  "directory.read.all": "Read directory data",
  "crosstenantinformation.readbasic.all": "Read cross-tenant basic information",
  "policy.read.all": "Read your organization's policies",
  "policy.readwrite.crosstenantaccess": "Read and write your organization's cross tenant access policies",
  "user.read": "Sign you in and read your profile",
};

export interface ConsentPageInput {
  action: string;
  clientName: string;
  hidden: Iterable<[string, string]>;
  ticket: string;
  username: string;
  scopes: readonly string[];
}

export function renderConsentPage(input: ConsentPageInput): string {
  const hidden = [...input.hidden, ["consent_ticket", input.ticket] as [string, string]]
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
  const permissions = input.scopes
    .map((s) => `<li>${escapeHtml(PERMISSION_LABELS[s.toLowerCase()] ?? s)} <code>${escapeHtml(s)}</code></li>`)
    .join("");
  return layout(
    "Permissions requested",
    `<h1>Permissions requested</h1>
<p class="sub">${escapeHtml(input.clientName)} wants to act as <strong>${escapeHtml(input.username)}</strong>. It would be able to:</p>
<ul class="permissions">${permissions}</ul>
<p class="sub">Accepting lets the app use this data as you. You can change this later.</p>
<form method="post" action="${escapeHtml(input.action)}" autocomplete="off">
${hidden}
<div class="actions">
<button type="submit" name="consent" value="cancel" class="secondary">Cancel</button>
<button type="submit" name="consent" value="accept">Accept</button>
</div>
</form>`,
  );
}
