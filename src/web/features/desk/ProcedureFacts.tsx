// What the chosen procedure takes: its processing time and the papers it asks for.
import { Descriptions, Tag } from 'antd';
import { processingText } from '../../components/dossier/dossier-utils';
import type { DeskStart } from './desk-types';

export function ProcedureFacts({ procedure }: { procedure: DeskStart['procedure'] }) {
  return (
    <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }}>
      <Descriptions.Item label="Thời hạn giải quyết">{processingText(procedure.processingDays)}</Descriptions.Item>
      <Descriptions.Item label="Thành phần hồ sơ">
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {procedure.documents.map((d) => (
            <li key={d.position}>
              {d.name} {d.required ? <Tag color="red">Bắt buộc</Tag> : <Tag>Nếu có</Tag>}
            </li>
          ))}
        </ol>
      </Descriptions.Item>
    </Descriptions>
  );
}
