// A link that looks like a button ("Đăng nhập", "Nộp hồ sơ"): one interactive element (an <a>),
// never a <button> inside an <a>, which screen readers and keyboards handle badly (axe
// nested-interactive). Navigates inside the app without reloading it.
import { Button, type ButtonProps } from 'antd';
import { useNavigate } from 'react-router';

export function ButtonLink({ to, ...props }: Omit<ButtonProps, 'href' | 'htmlType'> & { to: string }) {
  const navigate = useNavigate();
  return (
    <Button
      {...props}
      href={to}
      onClick={(e) => {
        props.onClick?.(e);
        if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(to);
      }}
    />
  );
}
