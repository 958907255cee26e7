// The catalogue's table: each procedure with its state, effective period and publication, and
// its actions (edit, publish or withdraw after confirming, the e-form).
import { Alert, App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import type { Reply } from '../../../common/api/contract';
import { publishAdminProcedure, unpublishAdminProcedure, type listAdminProcedures } from '../../../common/api/procedures';
import { EFFECTIVE_STATE_LABELS, PROCEDURE_STATUS_LABELS, type ProcedureStatus } from '../../../common/procedure-catalogue';
import { errorMessage } from '../../api';
import { useApiMutation } from '../../data/hooks';
import { formatDate } from '../../format';
import { EFFECTIVE_COLORS, NO_FORM_WARNING, PROCEDURE_READS, STATUS_COLORS } from './catalogue';
import { PublicationCell } from './PublicationCell';

type Item = Reply<typeof listAdminProcedures>['items'][number];

export function ProcedureTable(props: {
  items: Item[];
  loading: boolean;
  pagination: TablePaginationConfig;
  onEdit: (r: Item) => void;
  onForm: (r: Item) => void;
}) {
  const { message } = App.useApp();
  const publish = useApiMutation(publishAdminProcedure, { invalidates: PROCEDURE_READS });
  const unpublish = useApiMutation(unpublishAdminProcedure, { invalidates: PROCEDURE_READS });

  const setPublished = async (r: Item, on: boolean) => {
    try {
      await (on ? publish : unpublish).mutateAsync({ params: { id: r.id } });
      message.success(on ? `Đã công bố thủ tục "${r.name}".` : `Đã ngừng công bố thủ tục "${r.name}".`);
      if (on && !r.hasForm) message.warning(NO_FORM_WARNING);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns: TableColumnsType<Item> = [
    { title: 'Mã thủ tục', dataIndex: 'code', width: 90 },
    {
      title: 'Tên thủ tục',
      dataIndex: 'name',
      render: (v: string, r) => (
        <Space orientation="vertical" size={2}>
          <span>{v}</span>
          {!r.hasForm && <Tag color="orange">Chưa có biểu mẫu điện tử</Tag>}
        </Space>
      ),
    },
    { title: 'Lĩnh vực', dataIndex: 'field', width: 95 },
    { title: 'Trạng thái', dataIndex: 'status', width: 110, render: (s: ProcedureStatus) => <Tag color={STATUS_COLORS[s]}>{PROCEDURE_STATUS_LABELS[s]}</Tag> },
    {
      title: 'Hiệu lực',
      key: 'effective',
      width: 135,
      render: (_v, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.effectiveTo ? `${formatDate(r.effectiveFrom)} – ${formatDate(r.effectiveTo)}` : `Từ ${formatDate(r.effectiveFrom)}`}</span>
          <Tag color={EFFECTIVE_COLORS[r.effective]}>{EFFECTIVE_STATE_LABELS[r.effective]}</Tag>
        </Space>
      ),
    },
    { title: 'Công bố', key: 'publication', width: 150, render: (_v, r) => <PublicationCell r={r} /> },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 170,
      render: (_v, r) => (
        <Space wrap size={4}>
          <Button size="small" onClick={() => props.onEdit(r)}>
            Sửa
          </Button>
          {r.status === 'published' ? (
            <Popconfirm
              placement="topRight"
              title={`Ngừng công bố thủ tục "${r.name}"?`}
              description="Thủ tục sẽ không còn hiển thị trên Cổng Dịch vụ công; hồ sơ đã nộp không bị ảnh hưởng."
              okText="Xác nhận"
              cancelText="Hủy bỏ"
              okButtonProps={{ danger: true }}
              onConfirm={() => setPublished(r, false)}
            >
              <Button size="small" danger>
                Ngừng công bố
              </Button>
            </Popconfirm>
          ) : (
            <Popconfirm
              placement="topRight"
              title={`Công bố thủ tục "${r.name}"?`}
              description={
                <div style={{ maxWidth: 340 }}>
                  Thủ tục sẽ hiển thị trên Cổng Dịch vụ công trong thời gian có hiệu lực.
                  {!r.hasForm && <Alert style={{ marginTop: 8 }} type="warning" showIcon title={NO_FORM_WARNING} />}
                </div>
              }
              okText="Xác nhận"
              cancelText="Hủy bỏ"
              onConfirm={() => setPublished(r, true)}
            >
              <Button size="small" type="primary">
                Công bố
              </Button>
            </Popconfirm>
          )}
          <Button size="small" onClick={() => props.onForm(r)}>
            Biểu mẫu điện tử
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Table<Item> rowKey="id" size="small" loading={props.loading} columns={columns} scroll={{ x: 960 }} dataSource={props.items} pagination={props.pagination} />
  );
}
