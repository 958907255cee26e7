import { PlaceholderPage } from './SimplePages';

export function AgencyTreePage() {
  return <PlaceholderPage />;
}
