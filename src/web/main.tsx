import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, createRoutesFromElements, matchRoutes, Navigate, Route, Routes } from 'react-router';
import './app.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { newQueryClient } from './data/hooks';
import { SessionProvider } from './session';
import { PortalLayout } from './pages/portal/PortalLayout';
import { CitizenLoginPage } from './pages/portal/CitizenLoginPage';
import { HomePage } from './pages/portal/HomePage';
import { lazyPage, PageLoading, preloadMatched } from './lazy-page';

// Every page is its own chunk, loaded when its route is first opened: the portal never downloads
// the back office (recharts, the admin pages). The pages most visits start on, the home page and
// the citizen's login, are in the first download with the portal's frame, and none uses antd: on a
// 3G phone they are usable before the component library arrives (issue 15). Every other page sits under AntdRoot,
// a layout route with antd's settings; the first page opened fetches its own chunk and AntdRoot's
// at once (preloadMatched below), not one after the other.
const AntdRoot = lazyPage(() => import('./antd-root'), 'AntdRoot');
const ChangePasswordPage = lazyPage(() => import('./pages/portal/ChangePasswordPage'), 'ChangePasswordPage');
const AccountPage = lazyPage(() => import('./pages/portal/AccountPage'), 'AccountPage');
const ForgotPasswordPage = lazyPage(() => import('./pages/portal/ForgotPasswordPage'), 'ForgotPasswordPage');
const RegisterPage = lazyPage(() => import('./pages/portal/RegisterPage'), 'RegisterPage');
const HelpPage = lazyPage(() => import('./pages/portal/HelpPage'), 'HelpPage');
const ProcedureDetailPage = lazyPage(() => import('./pages/portal/ProceduresPage'), 'ProcedureDetailPage');
const ProceduresPage = lazyPage(() => import('./pages/portal/ProceduresPage'), 'ProceduresPage');
const FilingPage = lazyPage(() => import('./pages/portal/FilingPage'), 'FilingPage');
const MyDossierPage = lazyPage(() => import('./pages/portal/MyDossiersPage'), 'MyDossierPage');
const MyDossiersPage = lazyPage(() => import('./pages/portal/MyDossiersPage'), 'MyDossiersPage');
const DataStorePage = lazyPage(() => import('./pages/portal/DataStorePage'), 'DataStorePage');
const NotificationsPage = lazyPage(() => import('./pages/portal/NotificationsPage'), 'NotificationsPage');
const TrackingPage = lazyPage(() => import('./pages/portal/TrackingPage'), 'TrackingPage');
const VerifyPage = lazyPage(() => import('./pages/portal/VerifyPage'), 'VerifyPage');
const FeedbackPage = lazyPage(() => import('./pages/portal/FeedbackPage'), 'FeedbackPage');
const SendFeedbackPage = lazyPage(() => import('./pages/portal/FeedbackPage'), 'SendFeedbackPage');
const OfficerLoginPage = lazyPage(() => import('./pages/admin/OfficerLoginPage'), 'OfficerLoginPage');
const AdminLayout = lazyPage(() => import('./pages/admin/AdminLayout'), 'AdminLayout');
const DashboardPage = lazyPage(() => import('./pages/admin/SimplePages'), 'DashboardPage');
const PlaceholderPage = lazyPage(() => import('./pages/admin/SimplePages'), 'PlaceholderPage');
const CitizenAccountListPage = lazyPage(() => import('./pages/admin/CitizenAccountListPage'), 'CitizenAccountListPage');
const CitizenAccountWizardPage = lazyPage(() => import('./pages/admin/CitizenAccountWizardPage'), 'CitizenAccountWizardPage');
const UserManagementPage = lazyPage(() => import('./pages/admin/UserManagementPage'), 'UserManagementPage');
const OfficerImportPage = lazyPage(() => import('./pages/admin/OfficerImportPage'), 'OfficerImportPage');
const AgencyTreePage = lazyPage(() => import('./pages/admin/AgencyTreePage'), 'AgencyTreePage');
const MonthlyReportPage = lazyPage(() => import('./pages/admin/MonthlyReportPage'), 'MonthlyReportPage');
const AuditLogPage = lazyPage(() => import('./pages/admin/AuditLogPage'), 'AuditLogPage');
const ProcedureCataloguePage = lazyPage(() => import('./pages/admin/ProcedureCataloguePage'), 'ProcedureCataloguePage');
const DeskReceptionPage = lazyPage(() => import('./pages/admin/DeskReceptionPage'), 'DeskReceptionPage');
const ReceptionQueuePage = lazyPage(() => import('./pages/admin/ReceptionQueuePage'), 'ReceptionQueuePage');
const DossierDetailPage = lazyPage(() => import('./pages/admin/DossierDetailPage'), 'DossierDetailPage');
const WorkListPage = lazyPage(() => import('./pages/admin/WorkListPage'), 'WorkListPage');
const FeedbackListPage = lazyPage(() => import('./pages/admin/FeedbackListPage'), 'FeedbackListPage');

const ROUTES = (
  <>
    <Route element={<PortalLayout />}>
      <Route index element={<HomePage />} />
      <Route path="dang-nhap" element={<CitizenLoginPage />} />
      <Route element={<AntdRoot portal />}>
        <Route path="quen-mat-khau" element={<ForgotPasswordPage />} />
        <Route path="dang-ky" element={<RegisterPage />} />
        <Route path="ho-tro" element={<HelpPage />} />
        <Route path="thu-tuc" element={<ProceduresPage />} />
        <Route path="thu-tuc/:code" element={<ProcedureDetailPage />} />
        <Route path="doi-mat-khau" element={<ChangePasswordPage />} />
        <Route path="tai-khoan" element={<AccountPage />} />
        <Route path="nop-ho-so/:code" element={<FilingPage />} />
        <Route path="ho-so-cua-toi" element={<MyDossiersPage />} />
        <Route path="ho-so-cua-toi/:id" element={<MyDossierPage />} />
        <Route path="kho-du-lieu" element={<DataStorePage />} />
        <Route path="thong-bao" element={<NotificationsPage />} />
        <Route path="tra-cuu-ho-so" element={<TrackingPage />} />
        <Route path="xac-thuc" element={<VerifyPage />} />
        <Route path="xac-thuc/:token" element={<VerifyPage />} />
        <Route path="phan-anh-kien-nghi" element={<FeedbackPage />} />
        <Route path="phan-anh-kien-nghi/gui" element={<SendFeedbackPage />} />
      </Route>
    </Route>
    <Route element={<AntdRoot />}>
      <Route path="quan-tri/dang-nhap" element={<OfficerLoginPage />} />
      <Route path="quan-tri" element={<AdminLayout />}>
        <Route index element={<DashboardPage />} />
        <Route path="doi-mat-khau" element={<ChangePasswordPage />} />
        <Route path="tao-tai-khoan-cong-dan" element={<CitizenAccountListPage />} />
        <Route path="tao-tai-khoan-cong-dan/them-moi" element={<CitizenAccountWizardPage />} />
        <Route path="tao-tai-khoan-cong-dan/:id" element={<CitizenAccountWizardPage />} />
        <Route path="quan-ly-nguoi-dung" element={<UserManagementPage />} />
        <Route path="nhap-danh-sach-can-bo" element={<OfficerImportPage />} />
        <Route path="co-quan-don-vi" element={<AgencyTreePage />} />
        <Route path="bao-cao-thang" element={<MonthlyReportPage />} />
        <Route path="nhat-ky" element={<AuditLogPage />} />
        <Route path="thu-tuc-hanh-chinh" element={<ProcedureCataloguePage />} />
        <Route path="tiep-nhan-truc-tiep" element={<DeskReceptionPage />} />
        <Route path="ho-so-cho-tiep-nhan" element={<ReceptionQueuePage />} />
        <Route path="ho-so-can-xu-ly" element={<WorkListPage />} />
        <Route path="phan-anh-kien-nghi" element={<FeedbackListPage />} />
        <Route path="ho-so/:id" element={<DossierDetailPage />} />
        <Route path="*" element={<PlaceholderPage />} />
      </Route>
    </Route>
    <Route path="*" element={<Navigate to="/" replace />} />
  </>
);

// The chunks of the first page (and of its layouts) are all requested as the app starts.
preloadMatched(matchRoutes(createRoutesFromElements(ROUTES), window.location));

function App() {
  return <Routes>{ROUTES}</Routes>;
}

const queryClient = newQueryClient();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <Suspense fallback={<PageLoading />}>
            <App />
          </Suspense>
        </SessionProvider>
      </QueryClientProvider>
    </BrowserRouter>
  </StrictMode>,
);
