import { Component, type ReactNode } from 'react';
import { useTranslation } from '../lib/i18n';
import { useLocation } from 'react-router';
import { useDocumentTitle } from '../lib/use-document-title';

/** Shown when a page throws while rendering, instead of a blank screen. */
export function RouteError() {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.pageTitle'));
  return (
    <main className="container app-main">
      <section className="page" aria-labelledby="route-error-title">
        <h1 id="route-error-title">{t('errors.pageTitle')}</h1>
        <p>{t('errors.pageText')}</p>
        <p>
          <a href="/" className="button button--secondary">
            {t('common.backHome')}
          </a>
        </p>
      </section>
    </main>
  );
}

interface BoundaryProps {
  /** The location: an error shown for one page is forgotten when another is opened. */
  resetKey: string;
  children: ReactNode;
}

class ErrorBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidUpdate(previous: BoundaryProps) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? <RouteError /> : this.props.children;
  }
}

/** What `errorElement` does under a data router, for the app's declarative one (main.tsx). */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const location = useLocation();
  return <ErrorBoundary resetKey={location.key}>{children}</ErrorBoundary>;
}
