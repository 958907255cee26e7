// What "Nhập … dòng hợp lệ" asks before importing: how many accounts are created (and that only
// those officers get an SMS), how many are updated, which rows are skipped and why, until when the
// preview can be imported, and that a large import takes a while.
import { Space, Typography } from 'antd';
import { formatDateTime } from '../../format';
import { smsSentence, type ImportDetail } from './counts';
import { SkippedRows } from './SkippedRows';

export function ConfirmImportText(props: { detail: ImportDetail }) {
  const d = props.detail;
  const c = d.counts;
  const plan = [
    c.create > 0 ? `Tạo mới ${c.create} tài khoản cán bộ.` : 'Không tạo tài khoản mới nào.',
    c.update > 0 ? `Cập nhật ${c.update} cán bộ đã có tài khoản (gán vào đơn vị, cấp "Quyền tạo tài khoản công dân").` : null,
    c.unchanged > 0 ? `${c.unchanged} dòng đã đúng, không thay đổi.` : null,
  ];
  return (
    <Space orientation="vertical">
      <span>{plan.filter(Boolean).join(' ')}</span>
      <span>{smsSentence(c, false)}</span>
      <SkippedRows rows={d.rows} done={false} />
      <span>Mọi dòng được kiểm tra lại khi nhập; kết quả cho biết chính xác số tài khoản đã tạo và số dòng bị bỏ qua.</span>
      {d.expiresAt && <Typography.Text type="secondary">Bản xem trước này nhập được đến {formatDateTime(d.expiresAt)}.</Typography.Text>}
      {c.create >= 500 && (
        <Typography.Text type="secondary">Tạo nhiều tài khoản cần thời gian (khoảng 1 phút cho 5.000 tài khoản); vui lòng không đóng trang.</Typography.Text>
      )}
    </Space>
  );
}
