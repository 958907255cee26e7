// Dev outbox: every SMS and e-mail the dev transports "delivered". Not registered in production.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { desc } from 'drizzle-orm';
import { routeOptions } from '../../../common/api/contract.js';
import { listDevOutbox } from '../../../common/api/dev.js';
import type { AppModule } from '../../platform/module.js';
import { devMessages } from '../../platform/tables.js';
import { formatVnDateTime } from '../../platform/clock.js';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const load = async (limit: number) => {
    const rows = await app.deps.db.select().from(devMessages).orderBy(desc(devMessages.createdAt), desc(devMessages.id)).limit(limit);
    return rows.map((r) => ({ ...r, channel: r.channel as 'sms' | 'email', createdAt: r.createdAt.toISOString() }));
  };

  app.get(listDevOutbox.url, routeOptions(listDevOutbox, ['dev']), async (req) => load(req.query.limit));

  // The same messages as a page for testers (HTML, not part of the API: hidden from /docs).
  app.get('/dev/outbox', { schema: { hide: true } }, async (_req, reply) => {
    const rows = await load(200);
    const items = rows
      .map(
        (m) => `<tr><td>${escapeHtml(formatVnDateTime(new Date(m.createdAt)))}</td><td>${m.channel === 'sms' ? 'SMS' : 'Email'}</td>
<td>${escapeHtml(m.to)}</td><td>${m.subject ? `<strong>${escapeHtml(m.subject)}</strong><br>` : ''}${escapeHtml(m.body).replace(/\n/g, '<br>')}</td></tr>`,
      )
      .join('\n');
    const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Hộp thư thử nghiệm</title>
<meta http-equiv="refresh" content="5">
<style>body{font-family:system-ui,sans-serif;margin:24px;color:#1f1f1f}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #d9d9d9;padding:8px;text-align:left;vertical-align:top}th{background:#f5f5f5}
.note{background:#fffbe6;border:1px solid #ffe58f;padding:8px 12px;margin-bottom:16px}</style></head>
<body><h1>Hộp thư thử nghiệm (SMS và email)</h1>
<p class="note">Trang này chỉ có ở môi trường phát triển: mọi tin nhắn SMS và email hệ thống gửi đi được hiển thị tại đây thay vì gửi thật. Trang tự tải lại sau 5 giây.</p>
<table><thead><tr><th>Thời gian</th><th>Kênh</th><th>Người nhận</th><th>Nội dung</th></tr></thead>
<tbody>${items || '<tr><td colspan="4">Chưa có tin nhắn nào.</td></tr>'}</tbody></table></body></html>`;
    return reply.type('text/html; charset=utf-8').send(html);
  });
};

export const devModule: AppModule = { name: 'dev', routes, devOnly: true };
