// What the receiving agency asked to supplement: the request with the button that opens the form
// for editing, then — while editing — the reminder of what to change.
import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';

export function SupplementNotice({ reason, editing, onStart }: { reason: string | null; editing: boolean; onStart: () => void }) {
  if (editing) {
    return (
      <Alert
        type="info"
        showIcon
        title="Bổ sung hồ sơ"
        description={
          <>
            <div>
              <strong>Nội dung yêu cầu bổ sung:</strong> {reason ?? '—'}
            </div>
            <div>Sửa tờ khai và giấy tờ theo yêu cầu, rồi bấm “Gửi bổ sung” ở cuối trang.</div>
          </>
        }
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      title="Cơ quan tiếp nhận yêu cầu bổ sung hồ sơ"
      description={
        <Space orientation="vertical">
          <span>
            <strong>Nội dung yêu cầu bổ sung:</strong> {reason ?? '—'}
          </span>
          <Button type="primary" icon={<EditOutlined />} onClick={onStart}>
            Bổ sung hồ sơ
          </Button>
        </Space>
      }
    />
  );
}

/** "Gửi bổ sung" and "Hủy" at the end of the page, with why the last try was not sent. */
export function SupplementActions({ error, sending, onSend, onCancel }: { error: string | null; sending: boolean; onSend: () => void; onCancel: () => void }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {error && <Alert role="alert" type="error" showIcon title={error} />}
      <Space>
        <Button type="primary" size="large" loading={sending} onClick={onSend}>
          Gửi bổ sung
        </Button>
        <Button size="large" onClick={onCancel} disabled={sending}>
          Hủy
        </Button>
      </Space>
    </Space>
  );
}
