import { PlaceholderPage } from './SimplePages';

export function UserManagementPage() {
  return <PlaceholderPage />;
}
