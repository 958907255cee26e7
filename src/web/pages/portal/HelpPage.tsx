// "Hướng dẫn, hỗ trợ": the hotline and the answers to what citizens ask most (seed 002 PL2 mục 4,
// seed 004 PL1).
import { PhoneFilled } from '@ant-design/icons';
import { Card, Collapse, Typography } from 'antd';
import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading';

export function HelpPage() {
  return (
    <Card>
      <PageHeading>Hướng dẫn, hỗ trợ</PageHeading>
      <Typography.Paragraph style={{ fontSize: 18 }}>
        <PhoneFilled /> Tổng đài hỗ trợ: <a href="tel:1022">1022</a>
      </Typography.Paragraph>
      <Collapse
        defaultActiveKey={['dang-ky']}
        items={[
          {
            key: 'dang-ky',
            label: 'Đăng ký tài khoản',
            children: (
              <Typography.Paragraph>
                Vào <Link to="/dang-ky">Đăng ký</Link>, nhập Họ và tên, Số CMND/CCCD, Ngày sinh, Số điện thoại (Email không bắt buộc) rồi nhập mã OTP gửi tới
                điện thoại. Nếu chưa nhận được mã hoặc mã đã hết hiệu lực, nhấn "Gửi lại OTP". Cuối cùng nhập mật khẩu, nhập lại mật khẩu và nhấn "Đăng ký".
                Số điện thoại và số CMND/CCCD phải đúng; nhắn tin TTTB gửi 1414 để kiểm tra số điện thoại đã đăng ký chính chủ chưa. Tổ chức, doanh nghiệp
                đăng ký bằng mã số thuế và số điện thoại của người đại diện.
              </Typography.Paragraph>
            ),
          },
          {
            key: 'quen-mat-khau',
            label: 'Quên mật khẩu, tài khoản bị tạm khóa',
            children: (
              <Typography.Paragraph>
                Vào <Link to="/quen-mat-khau">Quên mật khẩu</Link>, nhập số CMND/CCCD, mã số thuế hoặc số điện thoại; mã OTP được gửi tới số điện thoại đã đăng
                ký của tài khoản. Nhập sai mật khẩu 5 lần liên tiếp thì tài khoản tạm khóa 1 phút, mỗi lần sai tiếp theo thời gian khóa tăng gấp đôi; đặt lại
                mật khẩu bằng OTP sẽ mở khóa ngay.
              </Typography.Paragraph>
            ),
          },
          {
            key: 'vneid',
            label: 'Đăng nhập bằng VNeID',
            children: (
              <Typography.Paragraph>
                Trên trang <Link to="/dang-nhap">Đăng nhập</Link>, chọn "Đăng nhập bằng VNeID" và xác nhận trên tài khoản định danh điện tử. Lần đầu, nếu số
                định danh đã có tài khoản trên Cổng, hai tài khoản được liên kết; nếu chưa, tài khoản mới được tạo. Thông tin lấy từ VNeID (họ tên, ngày sinh,
                giới tính, nơi thường trú) được đánh dấu đã xác thực và không thể tự sửa.
              </Typography.Paragraph>
            ),
          },
          {
            key: 'mot-cua',
            label: 'Nhờ cán bộ Bộ phận Một cửa tạo tài khoản',
            children: (
              <Typography.Paragraph>
                Mang theo CCCD/CMND và điện thoại đến Bộ phận Một cửa hoặc Trung tâm Phục vụ hành chính công. Cán bộ nhập thông tin, bạn kiểm tra giấy đề
                nghị, đọc mã OTP nhận được cho cán bộ; mật khẩu được gửi tới điện thoại và bạn phải đổi mật khẩu ở lần đăng nhập đầu tiên.
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </Card>
  );
}
