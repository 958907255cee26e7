import { PlaceholderPage } from './SimplePages';

export function MonthlyReportPage() {
  return <PlaceholderPage />;
}
