// HTML of the simulator: the identity picker, a landing page and an error page. Plain server-side
// HTML (no script), in Vietnamese, marked everywhere as a test environment.
import type { DemoIdentity } from './identities.js';

export const SIM_TITLE = 'VNeID – Mô phỏng (môi trường thử nghiệm)';

function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function dmy(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

const STYLE = `
  *{box-sizing:border-box}
  body{margin:0;font-family:"Noto Sans",Arial,sans-serif;background:#f3f4f6;color:#1f2937;line-height:1.5}
  .banner{background:#facc15;color:#422006;padding:10px 16px;text-align:center;font-weight:600}
  header{background:#b91c1c;color:#fff;padding:16px}
  header .brand{max-width:880px;margin:0 auto;padding:0 16px;font-size:20px;font-weight:700}
  main{max-width:880px;margin:24px auto;padding:0 16px}
  h1{font-size:22px;margin:0 0 8px}
  .lead{margin:0 0 20px}
  .people{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:16px}
  form.person{background:#fff;border:1px solid #d1d5db;border-radius:8px;padding:16px;margin:0}
  form.person button{width:100%;background:#b91c1c;color:#fff;border:0;border-radius:6px;padding:10px;font-size:16px;font-weight:600;cursor:pointer}
  form.person button:hover,form.person button:focus{background:#991b1b;outline:3px solid #fca5a5}
  dl{margin:12px 0 0;display:grid;grid-template-columns:auto 1fr;gap:2px 8px;font-size:14px}
  dt{color:#6b7280}
  dd{margin:0}
  .cancel{margin-top:24px}
  .cancel button{background:#fff;border:1px solid #6b7280;border-radius:6px;padding:8px 16px;font-size:15px;cursor:pointer}
  .card{background:#fff;border:1px solid #d1d5db;border-radius:8px;padding:16px}
  code{background:#e5e7eb;padding:1px 4px;border-radius:4px}
`;

function layout(body: string): string {
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(SIM_TITLE)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="banner" role="note">MÔI TRƯỜNG THỬ NGHIỆM – Đây là trình mô phỏng VNeID dùng khi phát triển và kiểm thử, không phải hệ thống định danh điện tử VNeID thật. Mọi danh tính dưới đây là người giả định.</div>
<header><div class="brand">VNeID – Mô phỏng</div></header>
<main>
${body}
</main>
</body>
</html>`;
}

function personDetails(p: DemoIdentity, id: string): string {
  return `<dl id="${id}">
  <dt>Số định danh</dt><dd>${esc(p.cccd)}</dd>
  <dt>Ngày sinh</dt><dd>${esc(dmy(p.birthdate))}</dd>
  <dt>Giới tính</dt><dd>${p.gender === 'male' ? 'Nam' : 'Nữ'}</dd>
  <dt>Thường trú</dt><dd>${esc(p.address)}</dd>
</dl>`;
}

/** The login page of one interaction: one button per demo identity, plus "refuse". */
export function pickerPage(uid: string, clientName: string, people: DemoIdentity[]): string {
  const action = `/interaction/${encodeURIComponent(uid)}`;
  const cards = people
    .map(
      (p, n) => `<form class="person" method="post" action="${action}/login">
  <input type="hidden" name="sub" value="${esc(p.sub)}">
  <button type="submit" aria-describedby="p${n}">${esc(p.name)}</button>
  ${personDetails(p, `p${n}`)}
</form>`,
    )
    .join('\n');
  return layout(`<h1>Đăng nhập bằng tài khoản định danh điện tử</h1>
<p class="lead"><strong>${esc(clientName)}</strong> đề nghị nhận thông tin định danh của bạn: số định danh cá nhân, họ và tên, ngày sinh, giới tính và nơi thường trú.
Chọn một danh tính mô phỏng để đăng nhập và đồng ý chia sẻ các thông tin này.</p>
<div class="people">
${cards}
</div>
<form class="cancel" method="post" action="${action}/abort">
  <button type="submit">Từ chối và quay lại ${esc(clientName)}</button>
</form>`);
}

/** What someone opening the simulator's address directly sees. */
export function landingPage(issuer: string, people: DemoIdentity[]): string {
  const list = people.map((p) => `<li><strong>${esc(p.name)}</strong> – ${esc(p.cccd)}</li>`).join('\n');
  return layout(`<h1>${esc(SIM_TITLE)}</h1>
<div class="card">
<p>Trình mô phỏng nhà cung cấp định danh OpenID Connect cho môi trường phát triển. Cổng Dịch vụ công chuyển người dùng tới đây khi bấm “Đăng nhập bằng VNeID”.</p>
<p>Cấu hình OpenID: <code>${esc(issuer)}/.well-known/openid-configuration</code></p>
<p>Các danh tính mô phỏng:</p>
<ul>
${list}
</ul>
</div>`);
}

export function errorPage(message: string): string {
  return layout(`<h1>Không thực hiện được yêu cầu</h1>
<div class="card"><p>${esc(message)}</p><p>Hãy quay lại Cổng Dịch vụ công và bấm “Đăng nhập bằng VNeID” lần nữa.</p></div>`);
}
