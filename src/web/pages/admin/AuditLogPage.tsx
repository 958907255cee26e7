import { PlaceholderPage } from './SimplePages';

export function AuditLogPage() {
  return <PlaceholderPage />;
}
