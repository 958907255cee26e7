// "Chọn giấy tờ từ Kho dữ liệu": the citizen's stored papers, one of which is attached to a
// document of the dossier.
import { Alert, Button, Empty, List, Modal, Space, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { listStore } from '../../../common/api/dossiers';
import { errorMessage } from '../../api';
import type { ProcedureDocument, StoreItem } from '../../components/dossier/dossier-types';
import { useApiQuery } from '../../data/hooks';
import { formatBytes, formatDateTime } from '../../format';

export function StorePicker({ doc, attached, onClose, onPick }: { doc: ProcedureDocument; attached: string[]; onClose: () => void; onPick: (i: StoreItem) => void }) {
  const { data: items, error } = useApiQuery(listStore, {});
  return (
    <Modal open title="Chọn giấy tờ từ Kho dữ liệu" onCancel={onClose} footer={<Button onClick={onClose}>Đóng</Button>} width={640}>
      <Typography.Paragraph type="secondary">Đính kèm cho: {doc.name}</Typography.Paragraph>
      {error && <Alert role="alert" type="error" showIcon title={errorMessage(error)} />}
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
