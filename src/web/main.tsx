import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import './app.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { newQueryClient } from './data/hooks';
import { SessionProvider } from './session';
import { PortalLayout } from './pages/portal/PortalLayout';
import { HomePage } from './pages/portal/HomePage';
import { CitizenLoginPage } from './pages/portal/CitizenLoginPage';
import { ChangePasswordPage } from './pages/portal/ChangePasswordPage';
import { AccountPage } from './pages/portal/AccountPage';
import { ForgotPasswordPage } from './pages/portal/ForgotPasswordPage';
import { RegisterPage } from './pages/portal/RegisterPage';
import { HelpPage } from './pages/portal/HelpPage';
import { ProcedureDetailPage, ProceduresPage } from './pages/portal/ProceduresPage';
import { FilingPage } from './pages/portal/FilingPage';
import { MyDossierPage, MyDossiersPage } from './pages/portal/MyDossiersPage';
import { DataStorePage } from './pages/portal/DataStorePage';
import { TrackingPage } from './pages/portal/TrackingPage';
import { VerifyPage } from './pages/portal/VerifyPage';
import { OfficerLoginPage } from './pages/admin/OfficerLoginPage';
import { AdminLayout } from './pages/admin/AdminLayout';
import { DashboardPage, PlaceholderPage } from './pages/admin/SimplePages';
import { CitizenAccountListPage } from './pages/admin/CitizenAccountListPage';
import { CitizenAccountWizardPage } from './pages/admin/CitizenAccountWizardPage';
import { UserManagementPage } from './pages/admin/UserManagementPage';
import { OfficerImportPage } from './pages/admin/OfficerImportPage';
import { AgencyTreePage } from './pages/admin/AgencyTreePage';
import { MonthlyReportPage } from './pages/admin/MonthlyReportPage';
import { AuditLogPage } from './pages/admin/AuditLogPage';
import { ProcedureCataloguePage } from './pages/admin/ProcedureCataloguePage';
import { DeskReceptionPage } from './pages/admin/DeskReceptionPage';
import { ReceptionQueuePage } from './pages/admin/ReceptionQueuePage';
import { DossierDetailPage } from './pages/admin/DossierDetailPage';
import { WorkListPage } from './pages/admin/WorkListPage';

dayjs.extend(customParseFormat);
dayjs.locale('vi');

function App() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<HomePage />} />
        <Route path="dang-nhap" element={<CitizenLoginPage />} />
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
        <Route path="tra-cuu-ho-so" element={<TrackingPage />} />
        <Route path="xac-thuc" element={<VerifyPage />} />
        <Route path="xac-thuc/:token" element={<VerifyPage />} />
      </Route>
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
        <Route path="ho-so/:id" element={<DossierDetailPage />} />
        <Route path="*" element={<PlaceholderPage />} />
      </Route>
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}

const queryClient = newQueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={viVN}
      theme={{ token: { colorPrimary: '#0b5394', borderRadius: 4, fontFamily: "'Noto Sans', 'Segoe UI', Roboto, Arial, sans-serif" } }}
    >
      <AntApp>
        <BrowserRouter>
          <QueryClientProvider client={queryClient}>
            <SessionProvider>
              <App />
            </SessionProvider>
          </QueryClientProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
