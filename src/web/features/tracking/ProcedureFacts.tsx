// A procedure's page in the public catalogue: its facts (code, field, agency, time, fees, legal
// basis) and the papers to bring, each with its template to download when there is one.
import { Descriptions, List, Space, Tag, Typography } from 'antd';
import type { Reply } from '../../../common/api/contract';
import { downloadProcedureTemplate, type getProcedure } from '../../../common/api/procedures';
import { urlOf } from '../../data/client';
import { feeText, money, timeText } from './procedure-text';

type Procedure = Reply<typeof getProcedure>;

export function ProcedureFacts({ p }: { p: Procedure }) {
  return (
    <Descriptions bordered column={1} size="small">
      <Descriptions.Item label="Mã thủ tục">{p.code}</Descriptions.Item>
      <Descriptions.Item label="Lĩnh vực">{p.field}</Descriptions.Item>
      <Descriptions.Item label="Cơ quan thực hiện">{p.implementingAgency}</Descriptions.Item>
      <Descriptions.Item label="Thời hạn giải quyết">
        {timeText(p)}
        {p.processingNote && <div style={{ color: '#666' }}>{p.processingNote}</div>}
      </Descriptions.Item>
      <Descriptions.Item label="Phí, lệ phí">
        {feeText(p.fees)}
        {p.fees.some((f) => f.amountVnd > 0) && (
          <div style={{ color: '#666' }}>
            {p.fees
              .filter((f) => f.amountVnd > 0)
              .map((f) => `${money.format(f.amountVnd)} đồng${f.unit ? `/${f.unit}` : ''}`)
              .join('; ')}
          </div>
        )}
      </Descriptions.Item>
      {p.legalBasis && <Descriptions.Item label="Căn cứ pháp lý">{p.legalBasis}</Descriptions.Item>}
    </Descriptions>
  );
}

/** "Thành phần hồ sơ": numbered, required or not, quantity, template. */
export function ProcedureDocuments({ p }: { p: Procedure }) {
  return (
    <List
      dataSource={p.documents}
      renderItem={(d, i) => (
        <List.Item>
          <Space orientation="vertical" size={0}>
            <span>
              {i + 1}. {d.name} {d.required ? <Tag color="red">Bắt buộc</Tag> : <Tag>Nếu có</Tag>}
            </span>
            <Typography.Text type="secondary">
              {d.quantity}
              {d.templateName ? ` · Mẫu: ${d.templateName}` : ''}
              {d.hasTemplate && ' · '}
              {d.hasTemplate && (
                <Typography.Link href={urlOf(downloadProcedureTemplate, { code: p.code, position: d.position })} download aria-label={`Tải mẫu: ${d.templateName ?? d.name}`}>
                  Tải mẫu
                </Typography.Link>
              )}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
