// Issue 15, what the filing page says about its draft beyond "Đã lưu": the session that lapsed
// ("Đăng nhập lại", back to this form), the content put back after signing in again, and a draft
// changed in another tab with the two ways out. Each is brought into view when it appears.
import { Alert, Button, Space } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { ButtonLink } from '../../components/ButtonLink';

function InView({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // A block, not an expression: scrollIntoView may return a promise, which is not a cleanup.
  useEffect(() => {
    void ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, []);
  return <div ref={ref}>{children}</div>;
}

export function SessionLapseNotice({ code }: { code: string }) {
  const back = `/nop-ho-so/${encodeURIComponent(code)}`;
  return (
    <InView>
      <Alert
        role="alert"
        type="warning"
        showIcon
        title="Phiên đăng nhập đã hết hạn nên hồ sơ chưa được lưu lên hệ thống."
        description={
          <Space orientation="vertical">
            <span>Nội dung bạn đã nhập vẫn được giữ trên trình duyệt này. Hãy đăng nhập lại để tiếp tục; sau khi đăng nhập bạn sẽ trở lại biểu mẫu này với nội dung đã nhập.</span>
            <ButtonLink type="primary" size="large" to={`/dang-nhap?next=${encodeURIComponent(back)}`}>
              Đăng nhập lại
            </ButtonLink>
          </Space>
        }
      />
    </InView>
  );
}

export function LocalRestoredNotice({ onClose }: { onClose: () => void }) {
  return (
    <Alert
      role="status"
      type="success"
      showIcon
      closable={{ onClose, 'aria-label': 'Đóng thông báo' }}
      title="Đã khôi phục nội dung bạn đã nhập"
      description="Nội dung chưa kịp lưu trước khi phiên đăng nhập hết hạn đã được điền lại và đang được lưu vào bản nháp."
    />
  );
}

export function DraftConflict({ onReload, onKeepMine, busy }: { onReload: () => void; onKeepMine: () => void; busy: boolean }) {
  return (
    <InView>
      <Alert
        role="alert"
        type="warning"
        showIcon
        title="Bản nháp đã được thay đổi ở một cửa sổ khác"
        description={
          <Space orientation="vertical" style={{ width: '100%' }}>
            <span>
              Hồ sơ này đang được mở ở một cửa sổ hoặc thẻ khác và bản nháp ở đó đã được lưu sau khi bạn mở trang này. Nội dung trên trang này chưa được lưu. Hãy chọn:
            </span>
            <Space wrap>
              <Button size="large" onClick={onReload} disabled={busy}>
                Tải lại bản mới nhất
              </Button>
              <Button size="large" type="primary" onClick={onKeepMine} loading={busy}>
                Giữ nội dung của tôi
              </Button>
            </Space>
            <span style={{ fontSize: 13 }}>
              “Tải lại bản mới nhất” bỏ nội dung trên trang này và hiện bản đã lưu ở cửa sổ kia. “Giữ nội dung của tôi” ghi đè bản nháp bằng nội dung trên trang này.
            </span>
          </Space>
        }
      />
    </InView>
  );
}
