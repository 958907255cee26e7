// "Thành phần hồ sơ": each paper the procedure asks for with the files attached to it (who gave
// them: the citizen, the desk's scanner, Kho dữ liệu).
import { Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { DossierDetail } from '../../components/dossier/dossier-types';
import { formatBytes } from '../../format';

const SOURCE_LABELS: Record<string, string> = { upload: 'Công dân tải lên', scan: 'Bản quét tại Bộ phận Một cửa', store: 'Từ Kho dữ liệu' };

type Row = { position: number; name: string; quantity: string; required: boolean; files: DossierDetail['documents'] };

const columns: TableColumnsType<Row> = [
  { title: 'STT', dataIndex: 'position', width: 56 },
  {
    title: 'Tên giấy tờ',
    dataIndex: 'name',
    render: (name: string, r) => (
      <span>
        {name} {r.required && <Tag color="red">Bắt buộc</Tag>}
      </span>
    ),
  },
  { title: 'Số lượng', dataIndex: 'quantity', width: 120 },
  {
    title: 'Tệp đính kèm',
    key: 'files',
    render: (_v, r) =>
      r.files.length ? (
        <Space orientation="vertical" size={2}>
          {r.files.map((f) => (
            <span key={f.fileId}>
              <a href={`/api/papers/${f.fileId}`} target="_blank" rel="noopener">
                {f.fileName || 'Tệp đính kèm'}
              </a>{' '}
              <Typography.Text type="secondary">
                ({formatBytes(f.size)} – {SOURCE_LABELS[f.source] ?? f.source})
              </Typography.Text>
            </span>
          ))}
        </Space>
      ) : (
        <Typography.Text type={r.required ? 'danger' : 'secondary'}>Chưa có tệp</Typography.Text>
      ),
  },
];

export function DossierPapers({ d }: { d: DossierDetail }) {
  const byPosition = new Map<number, DossierDetail['documents']>();
  for (const p of d.documents) byPosition.set(p.position, [...(byPosition.get(p.position) ?? []), p]);
  const rows: Row[] = d.requiredDocuments.length
    ? d.requiredDocuments.map((r) => ({ position: r.position, name: r.name, quantity: r.quantity, required: r.required, files: byPosition.get(r.position) ?? [] }))
    : [...byPosition.entries()].map(([position, files]) => ({ position, name: files[0]!.name, quantity: '', required: false, files }));
  return <Table<Row> rowKey="position" size="small" pagination={false} columns={columns} dataSource={rows} scroll={{ x: 700 }} />;
}
