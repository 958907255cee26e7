// Step 1 of desk reception: find the citizen by CMND/CCCD. No account yet: the officer is sent to
// "Tạo tài khoản công dân" with the number; a locked account cannot file.
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { deskFindCitizen } from '../../../common/api/dossiers-desk';
import { checkIdNumberShape, normalizeIdNumber } from '../../../common/vn-ids';
import { errorMessage } from '../../api';
import { formatDate } from '../../format';
import { useSession } from '../../session';
import type { CitizenLookup } from './desk-types';
import { PopulationNote } from './PopulationNote';
import { useFreshRead } from './useFreshRead';

const ACCOUNT_WIZARD = '/quan-tri/tao-tai-khoan-cong-dan/them-moi';

export function CitizenStep({ found, onFound, onNext }: { found: CitizenLookup | null; onFound: (c: CitizenLookup | null) => void; onNext: () => void }) {
  const navigate = useNavigate();
  const { me } = useSession();
  const [params] = useSearchParams();
  const findCitizen = useFreshRead(deskFindCitizen);
  const [idNumber, setIdNumber] = useState(params.get('idNumber') ?? '');
  const [searched, setSearched] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mayCreate = !!me?.permissions.includes('CITIZEN_ACCOUNT_CREATE');

  const search = async () => {
    setError(null);
    onFound(null);
    const shape = checkIdNumberShape(idNumber);
    if (!shape.ok) {
      setError(shape.message ?? 'Số CMND/CCCD không hợp lệ.');
      return;
    }
    const id = normalizeIdNumber(idNumber);
    setBusy(true);
    try {
      onFound(await findCitizen({ query: { idNumber: id } }));
      setSearched(id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const a = found?.account ?? null;
  const active = a?.status === 'active';
  return (
    <Card size="small" title="Tìm công dân">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Form name="desk-citizen" layout="vertical" onFinish={search} style={{ maxWidth: 520 }}>
          <Form.Item label="Số CMND/CCCD" htmlFor="desk-id-number" style={{ marginBottom: 0 }} extra="Nhập số CMND (9 số) hoặc CCCD (12 số) trên giấy tờ của công dân.">
            <Space.Compact style={{ width: '100%' }}>
              <Input
                id="desk-id-number"
                aria-label="Số CMND/CCCD"
                inputMode="numeric"
                maxLength={14}
                autoFocus
                autoComplete="off"
                value={idNumber}
                onChange={(e) => setIdNumber(e.target.value)}
              />
              <Button type="primary" htmlType="submit" loading={busy}>
                Tìm
              </Button>
            </Space.Compact>
          </Form.Item>
        </Form>
        {error && <Alert role="alert" type="error" showIcon title={error} />}
        {found && !a && searched && (
          <Alert
            role="alert"
            type="warning"
            showIcon
            title="Công dân chưa có tài khoản"
            description={
              <Space orientation="vertical">
                <span>
                  Chưa có tài khoản Cổng Dịch vụ công với số CMND/CCCD {searched}. Tạo tài khoản cho công dân trước, sau đó tiếp nhận hồ sơ.
                </span>
                <PopulationNote c={found} />
                <Button
                  type="primary"
                  disabled={!mayCreate}
                  title={mayCreate ? undefined : 'Bạn chưa được cấp "Quyền tạo tài khoản công dân"'}
                  onClick={() => navigate(`${ACCOUNT_WIZARD}?idNumber=${encodeURIComponent(searched)}`)}
                >
                  Tạo tài khoản công dân
                </Button>
              </Space>
            }
          />
        )}
        {a && (
          <>
            <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} title="Thông tin công dân">
              <Descriptions.Item label="Họ và tên">{a.fullName}</Descriptions.Item>
              <Descriptions.Item label="Số CMND/CCCD">{a.idNumber}</Descriptions.Item>
              <Descriptions.Item label="Ngày sinh">{formatDate(a.birthDate)}</Descriptions.Item>
              <Descriptions.Item label="Số điện thoại">{a.phone ?? ''}</Descriptions.Item>
              <Descriptions.Item label="Tài khoản">{active ? <Tag color="green">Đang hoạt động</Tag> : <Tag color="red">Đang bị khóa</Tag>}</Descriptions.Item>
              <Descriptions.Item label="CSDL quốc gia về dân cư">
                <PopulationNote c={found!} />
              </Descriptions.Item>
            </Descriptions>
            {!active && <Alert role="alert" type="error" showIcon title="Tài khoản công dân này đang bị khóa; chưa tiếp nhận hồ sơ được." />}
            <div>
              <Button type="primary" disabled={!active} onClick={onNext}>
                Tiếp tục
              </Button>
            </div>
          </>
        )}
      </Space>
    </Card>
  );
}
