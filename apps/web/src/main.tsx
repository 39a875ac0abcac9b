import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppProviders } from './app/providers';
import { createQueryClient } from './app/query-client';
import { RouteErrorBoundary } from './app/route-error';
import { AppRoutes } from './app/router';
import { i18nReady } from './lib/i18n';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const render = () => {
  createRoot(container).render(
    <StrictMode>
      <AppProviders queryClient={createQueryClient()}>
        <BrowserRouter>
          <RouteErrorBoundary>
            <AppRoutes />
          </RouteErrorBoundary>
        </BrowserRouter>
      </AppProviders>
    </StrictMode>,
  );
};
// A stored English choice is fetched before the first render (Vietnamese is ready at once), so
// it shows neither a key nor a flash of Vietnamese; index.html's shell stays on screen meanwhile.
void i18nReady.then(render, render);
