// Where the filing draft stands: saving, saved (at what time), restored, or not saved and why.
import { CheckCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { formatDateTime } from '../../format';
import type { SaveState } from './useDraftAutosave';

const timeOnly = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

export function SaveIndicator({ state }: { state: SaveState }) {
  const style = { fontSize: 13 };
  switch (state.kind) {
    case 'pending':
      return (
        <Typography.Text type="secondary" style={style} role="status">
          <LoadingOutlined /> Đang lưu…
        </Typography.Text>
      );
    case 'saved':
      return (
        <Typography.Text type="success" style={style} role="status">
          <CheckCircleOutlined /> Đã lưu nháp lúc {timeOnly.format(new Date(state.at))}
        </Typography.Text>
      );
    case 'restored':
      return (
        <Typography.Text type="secondary" style={style} role="status">
          Đã khôi phục bản nháp lưu lúc {formatDateTime(state.at)}
        </Typography.Text>
      );
    case 'error':
      return (
        <Typography.Text type="danger" style={style} role="status">
          Chưa lưu được bản nháp: {state.message}
        </Typography.Text>
      );
    case 'conflict':
      return (
        <Typography.Text type="danger" style={style} role="status">
          Chưa lưu: bản nháp đã được thay đổi ở một cửa sổ khác.
        </Typography.Text>
      );
    case 'expired':
      return (
        <Typography.Text type="danger" style={style} role="status">
          Chưa lưu: phiên đăng nhập đã hết hạn.
        </Typography.Text>
      );
    default:
      return (
        <Typography.Text type="secondary" style={style}>
          Hồ sơ được tự động lưu nháp khi bạn nhập.
        </Typography.Text>
      );
  }
}
