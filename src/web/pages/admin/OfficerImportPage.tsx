import { PlaceholderPage } from './SimplePages';

export function OfficerImportPage() {
  return <PlaceholderPage />;
}
