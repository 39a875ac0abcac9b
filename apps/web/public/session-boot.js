/* global window */
// A reload of a signed-in page renews its access token with the refresh cookie before anything
// else. This starts that request while the app's scripts are still downloading (on a phone
// network they take seconds), under the lock the tabs share; the API client takes its answer
// (src/lib/api-client.ts, takeEarlyRefresh). A plain file, not a module: it must not wait for the
// bundle, and the CSP allows no inline script.
(function () {
  try {
    var stored = window.localStorage;
    // Signed in, and nothing an older version left to migrate (the API client handles that itself).
    if (!stored.getItem('hoi-thi.signedIn') || stored.getItem('hoi-thi.refreshToken') || stored.getItem('hoi-thi.accessToken')) return;
    var refresh = function () {
      return fetch('/api/auth/refresh', { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: '{}', credentials: 'same-origin' });
    };
    window.hoiThiEarlyRefresh = navigator.locks ? navigator.locks.request('hoi-thi.refresh', refresh) : refresh();
    // Never an unhandled rejection: the API client asks again when this never reached the server.
    window.hoiThiEarlyRefresh.catch(function () {});
  } catch {
    // No storage (private mode) or no fetch: the app renews the session itself.
  }
})();
