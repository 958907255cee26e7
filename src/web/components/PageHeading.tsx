// The one <h1> of a page (WCAG 2.4.2, 2.4.6): it names the page in the browser tab, and after a
// navigation inside the app it takes the focus, so a screen reader announces the new page and
// the next Tab starts at its content, not in the menu left behind. A field the page focuses
// itself (autoFocus on a form) keeps the focus. A plain <h1> (styled in app.css as antd's titles
// are): every page has one, including the login page that loads no antd (issue 15).
import { useEffect, useId, type CSSProperties, type ReactNode } from 'react';

/** The first page of a visit is announced by the browser itself; only later ones move the focus. */
let firstPageShown = false;

export const PORTAL_SITE = 'Cổng Dịch vụ công';
export const ADMIN_SITE = 'Quản trị · Cổng Dịch vụ công';

export function PageHeading({ children, title, site = PORTAL_SITE, style }: { children: ReactNode; title?: string; site?: string; style?: CSSProperties }) {
  const id = useId();
  useEffect(() => {
    const text = title ?? document.getElementById(id)?.textContent?.trim() ?? '';
    document.title = text && text !== site ? `${text} – ${site}` : site;
  }, [id, title, site, children]);
  useEffect(() => {
    const heading = document.getElementById(id);
    const active = document.activeElement;
    const main = heading?.closest('main');
    const pageFocusedAField = !!main && !!active && active !== main && main.contains(active);
    if (firstPageShown && heading && !pageFocusedAField) heading.focus();
    firstPageShown = true;
  }, [id]);
  return (
    <h1 id={id} tabIndex={-1} className="page-heading" style={style}>
      {children}
    </h1>
  );
}
