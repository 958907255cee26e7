// The facts of "Thông tin tài khoản": the identity verification notice, then every field with its
// verification mark, and the buttons that change the phone number and the e-mail.
import { SafetyCertificateFilled } from '@ant-design/icons';
import { Alert, Button, Descriptions, Space, Tag } from 'antd';
import { useNarrow } from '../../components/use-narrow';
import { formatDate, formatDateTime } from '../../format';
import { isVerified, verifiedByDesk, type Profile } from './profile';

const SEX_LABEL = { male: 'Nam', female: 'Nữ' } as const;

export function ProfileFacts({ profile, onChangeContact }: { profile: Profile; onChangeContact: (channel: 'phone' | 'email') => void }) {
  const narrow = useNarrow();
  const byDesk = verifiedByDesk(profile);
  const markText = byDesk ? 'Đã xác thực tại Bộ phận Một cửa' : 'Đã xác thực VNeID';
  const mark = (field: string) =>
    isVerified(profile, field) ? (
      <Tag color="green" icon={<SafetyCertificateFilled />} style={{ marginLeft: 8 }}>
        {markText}
      </Tag>
    ) : null;
  const org = profile.kind === 'organisation';
  return (
    <>
      {profile.identityVerified && (
        <Alert
          type="success"
          showIcon
          title={byDesk ? 'Thông tin định danh đã được cán bộ Bộ phận Một cửa xác thực' : 'Thông tin định danh đã được xác thực qua VNeID'}
          description={`Các thông tin có dấu "${markText}" ${byDesk ? 'được cán bộ đối chiếu với thẻ CCCD khi mở tài khoản' : 'lấy từ tài khoản định danh điện tử'}${profile.identityVerifiedAt ? ` (${formatDateTime(profile.identityVerifiedAt)})` : ''} và không thể tự sửa.`}
          style={{ marginBottom: 16 }}
        />
      )}
      {/* On a phone the label goes above its value: beside it the number would wrap a digit per line. */}
      <Descriptions column={1} bordered size="middle" layout={narrow ? 'vertical' : 'horizontal'} styles={narrow ? undefined : { label: { width: 220 } }}>
        <Descriptions.Item label={org ? 'Mã số thuế' : 'Số CMND/CCCD'}>
          {profile.idNumber}
          {mark('idNumber')}
        </Descriptions.Item>
        <Descriptions.Item label={org ? 'Tên tổ chức, doanh nghiệp' : 'Họ và tên'}>
          {profile.fullName}
          {mark('fullName')}
        </Descriptions.Item>
        {org ? (
          <Descriptions.Item label="Người đại diện">{profile.representativeName}</Descriptions.Item>
        ) : (
          <>
            <Descriptions.Item label="Ngày sinh">
              {profile.birthDate ? formatDate(profile.birthDate) : '—'}
              {mark('birthDate')}
            </Descriptions.Item>
            <Descriptions.Item label="Giới tính">
              {profile.sex ? SEX_LABEL[profile.sex] : '—'}
              {mark('sex')}
            </Descriptions.Item>
            <Descriptions.Item label="Địa chỉ thường trú">
              {profile.permanentAddress ?? '—'}
              {mark('permanentAddress')}
            </Descriptions.Item>
          </>
        )}
        <Descriptions.Item label="Số điện thoại">
          <Space wrap>
            <span style={{ whiteSpace: 'nowrap' }}>{profile.phone ?? '—'}</span>
            <Button onClick={() => onChangeContact('phone')}>
              Đổi số điện thoại
            </Button>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="Email">
          <Space wrap>
            <span style={{ overflowWrap: 'anywhere' }}>{profile.email ?? '—'}</span>
            <Button onClick={() => onChangeContact('email')}>
              {profile.email ? 'Đổi email' : 'Thêm email'}
            </Button>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="Ngày tạo tài khoản">{formatDateTime(profile.createdAt)}</Descriptions.Item>
      </Descriptions>
    </>
  );
}
