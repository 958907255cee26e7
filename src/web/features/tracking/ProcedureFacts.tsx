// A procedure's page in the public catalogue: the papers to bring (Thành phần hồ sơ), each with
// its template to download when there is one (an uploaded file, or the tờ khai printed as a PDF).
import { List, Space, Tag, Typography } from 'antd';
import type { Reply } from '../../../common/api/contract';
import { downloadProcedureTemplate, type getProcedure } from '../../../common/api/procedures';
import { urlOf } from '../../data/client';

type Procedure = Reply<typeof getProcedure>;

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
                <Typography.Link
                  href={urlOf(downloadProcedureTemplate, { code: p.code, position: d.position })}
                  download
                  aria-label={`Tải mẫu: ${d.templateName ?? d.name}`}
                  style={{ display: 'inline-block', minHeight: 44, lineHeight: '44px' }}
                >
                  Tải mẫu{d.templateType ? ` (${d.templateType.toUpperCase()})` : ''}
                </Typography.Link>
              )}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
