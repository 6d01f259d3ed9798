// The page a revoked share link answers with status 410. A page component cannot set that status,
// so the proxy sends this standalone document; it matches app/s/[id]'s own "removed" view.

const STYLE = `:root{color-scheme:light dark}*{box-sizing:border-box}html,body{height:100%;margin:0}
body{display:flex;align-items:center;justify-content:center;background:#fafafa;color:#18181b;font:16px/1.5 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;text-align:center;padding:24px}
main{display:flex;flex-direction:column;align-items:center;gap:20px;max-width:28rem}.code{font:14px ui-monospace,Menlo,Consolas,monospace;color:#476f00;margin:0}
h1{font-size:24px;line-height:1.3;letter-spacing:-.01em;margin:8px 0}p{margin:0;color:#52525b}
a{display:inline-block;border-radius:8px;background:#18181b;color:#fff;padding:8px 16px;font-size:14px;font-weight:500;text-decoration:none}a:hover{background:#3f3f46}
a:focus-visible{outline:2px solid #76b900;outline-offset:2px}.mark rect{fill:#18181b}
@media (prefers-color-scheme:dark){body{background:#09090b;color:#f4f4f5}p{color:#a1a1aa}.code{color:#a9dc4f}a{background:#fff;color:#18181b}a:hover{background:#e4e4e7}.mark rect{fill:#27272a}}`;

const MARK = `<svg class="mark" viewBox="0 0 32 32" width="48" height="48" aria-hidden="true"><rect width="32" height="32" rx="8"/><path d="M6 16c2.8-4.6 6.2-7 10-7s7.2 2.4 10 7c-2.8 4.6-6.2 7-10 7s-7.2-2.4-10-7z" fill="none" stroke="#76b900" stroke-width="2.4" stroke-linejoin="round"/><circle cx="16" cy="16" r="3.4" fill="#76b900"/></svg>`;

export function shareRemovedHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Shared session removed · NIM Playground</title>
<style>${STYLE}</style>
</head>
<body>
<main data-testid="session-removed">
${MARK}
<div><p class="code">410</p><h1>This shared session was removed by its owner.</h1><p>The link no longer shows anything. Ask whoever shared it for a new one.</p></div>
<a href="/">Open the playground</a>
</main>
</body>
</html>
`;
}
