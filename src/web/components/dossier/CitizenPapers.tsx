// The citizen's "Thành phần hồ sơ" (online filing, supplementing a dossier in Hồ sơ của tôi): per
// document, upload a paper or take one from Kho dữ liệu.
import { FolderOpenOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, List, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage } from '../../api';
import { formatBytes, formatDateTime } from '../../format';
import type { Paper, ProcedureDocument, StoreItem } from './dossier-types';
import { PaperList, usePaperEditing } from './PaperList';

export function PapersEditor({
  documents,
  papers,
  onChange,
  missing = [],
  readOnly,
}: {
  documents: ProcedureDocument[];
  papers: Paper[];
  onChange?: (p: Paper[]) => void;
  missing?: number[];
  readOnly?: boolean;
}) {
  const { message } = App.useApp();
  const [storeFor, setStoreFor] = useState<ProcedureDocument | null>(null);
  const editing = usePaperEditing<Paper>({
    files: papers,
    onChange,
    endpoint: '/api/my/papers',
    toFile: (position, r) => ({ position, fileId: r.id, source: 'upload', fileName: r.fileName, size: r.size, type: r.type }),
  });

  return (
    <>
      <PaperList
        documents={documents}
        files={papers}
        editing={editing}
        readOnly={readOnly}
        uploadLabel="Tải lên"
        uploadIcon={<UploadOutlined />}
        showTemplate
        itemProps={(doc) =>
          missing.includes(doc.position)
            ? { className: 'paper-missing', style: { background: '#fff2f0', borderLeft: '3px solid #ff4d4f', paddingLeft: 12 } }
            : {}
        }
        actions={(doc) => (
          <>
            <Button icon={<FolderOpenOutlined />} onClick={() => setStoreFor(doc)}>
              Chọn từ Kho dữ liệu
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              PDF, JPG hoặc PNG, tối đa 10 MB
            </Typography.Text>
          </>
        )}
        notes={(doc) =>
          missing.includes(doc.position) && (
            <Typography.Text type="danger" role="alert">
              Chưa đính kèm bản điện tử của giấy tờ bắt buộc này.
            </Typography.Text>
          )
        }
      />
      {storeFor && (
        <StorePicker
          doc={storeFor}
          attached={papers.filter((p) => p.position === storeFor.position).map((p) => p.fileId)}
          onClose={() => setStoreFor(null)}
          onPick={(item) => {
            editing.add({ position: storeFor.position, fileId: item.fileId, source: 'store', fileName: item.fileName, size: item.size, type: item.type });
            message.success(`Đã đính kèm "${item.title}".`);
            setStoreFor(null);
          }}
        />
      )}
    </>
  );
}

function StorePicker({ doc, attached, onClose, onPick }: { doc: ProcedureDocument; attached: string[]; onClose: () => void; onPick: (i: StoreItem) => void }) {
  const [items, setItems] = useState<StoreItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .get<StoreItem[]>('/api/my/store')
      .then(setItems)
      .catch((err) => setError(errorMessage(err)));
  }, []);
  return (
    <Modal open title="Chọn giấy tờ từ Kho dữ liệu" onCancel={onClose} footer={<Button onClick={onClose}>Đóng</Button>} width={640}>
      <Typography.Paragraph type="secondary">Đính kèm cho: {doc.name}</Typography.Paragraph>
      {error && <Alert role="alert" type="error" showIcon title={error} />}
      {!items && !error && <Spin />}
      {items && (
        <List
          dataSource={items}
          locale={{
            emptyText: (
              <Empty
                description={
                  <>
                    Kho dữ liệu chưa có giấy tờ nào. <Link to="/kho-du-lieu">Thêm giấy tờ vào Kho dữ liệu</Link>
                  </>
                }
              />
            ),
          }}
          renderItem={(item) => {
            const already = attached.includes(item.fileId);
            return (
              <List.Item
                actions={[
                  <Button key="pick" type="primary" size="small" disabled={already} onClick={() => onPick(item)} aria-label={`Đính kèm ${item.title}`}>
                    {already ? 'Đã đính kèm' : 'Đính kèm'}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={item.title}
                  description={
                    <Space size={8} wrap>
                      <a href={`/api/papers/${item.fileId}`} target="_blank" rel="noreferrer">
                        {item.fileName}
                      </a>
                      <span>{formatBytes(item.size)}</span>
                      <span>{item.kind === 'result' ? 'Kết quả giải quyết' : 'Tải lên'}</span>
                      <span>{formatDateTime(item.createdAt)}</span>
                    </Space>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
    </Modal>
  );
}
