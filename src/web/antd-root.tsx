// antd's settings for every page that uses antd (all but the portal frame and the citizen's login,
// issue 15): the Vietnamese locale, accessible colours, the portal's larger controls. A layout
// route (main.tsx) loaded with the first such page, so the login page on a 3G phone does not wait
// for the component library.
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { Outlet } from 'react-router';

dayjs.extend(customParseFormat);
dayjs.locale('vi');

// WCAG 2.1 AA text contrast (4.5:1) on white and on the #f5f5f5 page background: antd's defaults
// for links (#1677ff), secondary and description text (45 % black), placeholders (25 %) and
// errors (#ff4d4f) are below it. app.css's "lite-" rules use the same colours.
const ACCESSIBLE_COLORS = {
  colorPrimary: '#0b5394',
  colorLink: '#0b5394',
  colorInfo: '#0b5394',
  colorError: '#c41d1f',
  colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
};
// People who ask their system for less motion get none: dialogs, drawers and messages appear at once.
const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
const THEME = { token: { motion: !reducedMotion, ...ACCESSIBLE_COLORS, borderRadius: 4, fontFamily: "'Noto Sans', 'Segoe UI', Roboto, Arial, sans-serif" } };
/** The portal's controls are 44 px high and its text 16 px: easy to touch, no zoom into a field. */
const PORTAL_THEME = { ...THEME, token: { ...THEME.token, controlHeight: 44, fontSize: 16 } };

export function AntdRoot({ portal = false }: { portal?: boolean }) {
  return (
    <ConfigProvider locale={viVN} theme={portal ? PORTAL_THEME : THEME}>
      <AntApp>
        <Outlet />
      </AntApp>
    </ConfigProvider>
  );
}
