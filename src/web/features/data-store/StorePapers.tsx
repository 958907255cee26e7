// "Giấy tờ trong Kho dữ liệu": what the citizen uploaded and the results issued to them, each
// removable after a confirmation (dossiers filed with a paper keep their own copy).
import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { listStore, removeFromStore } from '../../../common/api/dossiers';
import { errorMessage } from '../../api';
import type { StoreItem } from '../../components/dossier/dossier-types';
import { useApiMutation } from '../../data/hooks';
import { formatBytes, formatDateTime } from '../../format';
import { ResponsiveTable } from '../../components/ResponsiveTable';

/** `items`: the read of the store (undefined while it loads); `loading`: still waiting for its first answer. */
export function StorePapers({ items, loading }: { items: StoreItem[] | undefined; loading: boolean }) {
  const { message } = App.useApp();
  const removal = useApiMutation(removeFromStore, { invalidates: [listStore] });

  const remove = async (item: StoreItem) => {
    try {
      await removal.mutateAsync({ params: { id: item.id } });
      message.success(`Đã xóa "${item.title}" khỏi Kho dữ liệu.`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns: TableColumnsType<StoreItem> = [
    { title: 'Tên giấy tờ', dataIndex: 'title' },
    {
      title: 'Tệp',
      dataIndex: 'fileName',
      render: (v: string, r) => (
        <Space size={6} wrap>
          <a href={`/api/papers/${r.fileId}`} target="_blank" rel="noreferrer">
            {v}
          </a>
          <Typography.Text type="secondary">{formatBytes(r.size)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: 'Loại',
      dataIndex: 'kind',
      width: 170,
      render: (v: StoreItem['kind']) => (v === 'result' ? <Tag color="green">Kết quả giải quyết</Tag> : <Tag>Tải lên</Tag>),
    },
    { title: 'Ngày thêm', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: '',
      key: 'actions',
      width: 90,
      render: (_, r) => (
        <Popconfirm
          title={`Xóa "${r.title}" khỏi Kho dữ liệu?`}
          description="Các hồ sơ đã nộp kèm giấy tờ này vẫn giữ bản của mình."
          okText="Xóa"
          cancelText="Không"
          okButtonProps={{ danger: true }}
          onConfirm={() => remove(r)}
        >
          <Button danger size="small" icon={<DeleteOutlined />} aria-label={`Xóa ${r.title}`}>
            Xóa
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card size="small" title="Giấy tờ trong Kho dữ liệu">
      <ResponsiveTable<StoreItem>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={items ?? []}
        pagination={(items?.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty description="Kho dữ liệu chưa có giấy tờ nào" /> }}
      />
    </Card>
  );
}
