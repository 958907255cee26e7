// A procedure's page, section by section as the national database of administrative procedures
// publishes it (issue 15): Trình tự thực hiện, Cách thức thực hiện (each way with its time and
// fees), Đối tượng, Điều kiện, Thành phần hồ sơ, Phí, lệ phí, Thời hạn, Căn cứ pháp lý, Cơ quan
// thực hiện, Kết quả. Each is a card with an h2, so a screen reader can jump between them.
import { Card, Descriptions, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Reply } from '../../../common/api/contract';
import type { getProcedure } from '../../../common/api/procedures';
import { CHANNEL_KIND_LABELS, LIFE_EVENT_LABELS, PROCEDURE_LEVEL_LABELS, type ProcedureLevel } from '../../../common/procedure-catalogue';
import { ProcedureDocuments } from './ProcedureFacts';
import { timeText, vnd } from './procedure-text';

type Procedure = Reply<typeof getProcedure>;
type Fee = Procedure['fees'][number];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={<h2 style={{ fontSize: 18, margin: 0 }}>{title}</h2>}>
      {children}
    </Card>
  );
}

/** Lines of a text as paragraphs (the catalogue keeps one item a line). */
function Lines({ text }: { text: string }) {
  const lines = text.split('\n').filter(Boolean);
  if (lines.length === 1) return <Typography.Paragraph style={{ margin: 0 }}>{lines[0]}</Typography.Paragraph>;
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }}>
      {lines.map((l) => (
        <li key={l} style={{ marginBottom: 4 }}>
          {l}
        </li>
      ))}
    </ul>
  );
}

function FeeLines({ fees }: { fees: Fee[] }) {
  if (fees.length === 0 || fees.every((f) => f.amountVnd === 0)) return <span>Miễn phí, lệ phí</span>;
  return (
    <Space orientation="vertical" size={0}>
      {fees.map((f) => (
        <span key={f.label}>
          <strong>
            {vnd(f.amountVnd)}
            {f.unit && f.amountVnd > 0 ? `/${f.unit}` : ''}
          </strong>{' '}
          — {f.label}
        </span>
      ))}
    </Space>
  );
}

export function ProcedureSections({ p }: { p: Procedure }) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions bordered column={1} size="small">
        <Descriptions.Item label="Mã thủ tục">{p.code}</Descriptions.Item>
        <Descriptions.Item label="Lĩnh vực">{p.field}</Descriptions.Item>
        <Descriptions.Item label="Cấp thực hiện">{PROCEDURE_LEVEL_LABELS[p.level as ProcedureLevel] ?? p.level}</Descriptions.Item>
        {p.lifeEvents.length > 0 && <Descriptions.Item label="Nhóm sự kiện">{p.lifeEvents.map((e) => LIFE_EVENT_LABELS[e]).join(', ')}</Descriptions.Item>}
      </Descriptions>
      {p.steps.length > 0 && (
        <Section title="Trình tự thực hiện">
          <ol style={{ margin: 0, paddingLeft: 22 }}>
            {p.steps.map((s, i) => (
              <li key={i} style={{ marginBottom: 6 }}>
                <strong>Bước {i + 1}:</strong> {s}
              </li>
            ))}
          </ol>
        </Section>
      )}
      {p.channels.length > 0 && (
        <Section title="Cách thức thực hiện">
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {p.channels.map((c) => (
              <div key={c.kind} style={{ borderLeft: '4px solid #1677ff', paddingLeft: 12 }}>
                <h3 style={{ fontSize: 16, margin: '0 0 4px' }}>{CHANNEL_KIND_LABELS[c.kind]}</h3>
                <div>
                  <Typography.Text type="secondary">Thời hạn giải quyết: </Typography.Text>
                  {timeText(c)}
                  {c.timeNote && <div style={{ color: '#595959' }}>{c.timeNote}</div>}
                </div>
                <div>
                  <Typography.Text type="secondary">Phí, lệ phí: </Typography.Text>
                  <FeeLines fees={c.fees} />
                </div>
                {c.note && <div style={{ color: '#595959' }}>{c.note}</div>}
              </div>
            ))}
          </Space>
        </Section>
      )}
      {p.applicants && (
        <Section title="Đối tượng thực hiện">
          <Lines text={p.applicants} />
        </Section>
      )}
      <Section title="Điều kiện thực hiện">{p.conditions ? <Lines text={p.conditions} /> : <span>Không có điều kiện riêng ngoài thành phần hồ sơ.</span>}</Section>
      <Section title="Thành phần hồ sơ">
        <ProcedureDocuments p={p} />
      </Section>
      <Section title="Phí, lệ phí">
        <FeeLines fees={p.fees} />
      </Section>
      <Section title="Thời hạn giải quyết">
        {timeText(p)}
        {p.processingNote && <div style={{ color: '#595959' }}>{p.processingNote}</div>}
      </Section>
      {p.legalBasis && (
        <Section title="Căn cứ pháp lý">
          <Lines text={p.legalBasis} />
        </Section>
      )}
      <Section title="Cơ quan thực hiện">{p.implementingAgency}</Section>
      {p.result && (
        <Section title="Kết quả thực hiện">
          <Lines text={p.result} />
        </Section>
      )}
    </Space>
  );
}
