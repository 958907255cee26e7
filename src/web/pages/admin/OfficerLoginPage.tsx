import { Alert, Layout, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { safeOfficerReturnPath } from '../../../common/return-path';
import { useSession } from '../../session';
import { LoginForm } from '../LoginForm';

export function OfficerLoginPage() {
  const navigate = useNavigate();
  const { refresh, expired } = useSession();
  const [params] = useSearchParams();
  const next = safeOfficerReturnPath(params.get('next'));
  return (
    <Layout style={{ minHeight: '100vh', paddingTop: 64, background: '#eef3f8' }}>
      <Typography.Title level={3} style={{ textAlign: 'center', color: '#0b5394' }}>
        Cổng Dịch vụ công Quốc Gia — Quản trị
      </Typography.Title>
      {next && (
        <Alert
          role="status"
          type={expired ? 'warning' : 'info'}
          showIcon
          title={expired ? 'Phiên làm việc đã hết hạn hoặc đã kết thúc. Vui lòng đăng nhập lại để tiếp tục công việc.' : 'Bạn cần đăng nhập để tiếp tục.'}
          style={{ maxWidth: 440, margin: '0 auto 16px' }}
        />
      )}
      <LoginForm
        title="Đăng nhập"
        audience="officer"
        loginLabel="Tên đăng nhập"
        onDone={async (mustChange) => {
          const me = await refresh();
          if (mustChange) navigate('/quan-tri/doi-mat-khau');
          else if (next) navigate(next);
          else navigate(me?.permissions.includes('CITIZEN_ACCOUNT_CREATE') ? '/quan-tri/tao-tai-khoan-cong-dan' : '/quan-tri');
        }}
      />
    </Layout>
  );
}
