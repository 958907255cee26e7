import { Layout, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { safeOfficerReturnPath } from '../../../common/return-path';
import { useSession } from '../../session';
import { LoginForm, SignInNotice } from '../LoginForm';

export function OfficerLoginPage() {
  const navigate = useNavigate();
  const { refresh, expired } = useSession();
  const [params] = useSearchParams();
  const next = safeOfficerReturnPath(params.get('next'));
  return (
    <Layout style={{ minHeight: '100vh', paddingTop: 64, background: '#eef3f8' }}>
      <Typography.Paragraph strong style={{ textAlign: 'center', color: '#0b5394', fontSize: 20 }}>
        Cổng Dịch vụ công Quốc Gia — Quản trị
      </Typography.Paragraph>
      {next && <SignInNotice expired={expired} audience="officer" />}
      <LoginForm
        title="Đăng nhập"
        audience="officer"
        loginLabel="Tên đăng nhập"
        onDone={async (mustChange) => {
          await refresh();
          if (mustChange) navigate('/quan-tri/doi-mat-khau');
          else if (next) navigate(next);
          else navigate('/quan-tri');
        }}
      />
    </Layout>
  );
}
