/* global window */
// A reload of a signed-in page renews its access token with the refresh cookie before anything
// else, then asks for the page's data. This starts both while the app's scripts are still
// downloading (on a phone network they take seconds): the refresh under the lock the tabs share,
// then, with its token, the first reads of the member's home and quiz pages. The API client takes
// the answers (src/lib/api-client.ts, takeEarlyRefresh and takeEarlyRead), each once, and only
// with the same token and language. A plain file, not a module: it must not wait for the bundle,
// and the CSP allows no inline script.
(function () {
  try {
    var stored = window.localStorage;
    // Signed in, and nothing an older version left to migrate (the API client handles that itself).
    if (!stored.getItem('hoi-thi.signedIn') || stored.getItem('hoi-thi.refreshToken') || stored.getItem('hoi-thi.accessToken')) return;
    var language = stored.getItem('hoi-thi.language') === 'en' ? 'en' : 'vi';
    var refresh = function () {
      return fetch('/api/auth/refresh', { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: '{}', credentials: 'same-origin' });
    };
    var early = (window.hoiThiEarlyRefresh = window.navigator.locks ? window.navigator.locks.request('hoi-thi.refresh', refresh) : refresh());
    // Never an unhandled rejection: the API client asks again when this never reached the server.
    early.catch(function () {});

    // The reads each page makes first, as the API client builds their addresses (its tests compare).
    var path = window.location.pathname;
    var reads = ['/api/auth/me'];
    if (path === '/') reads.push('/api/contests?limit=20&offset=0');
    var attempt = /^\/attempts\/([0-9a-f-]{36})$/.exec(path);
    if (attempt) reads.push('/api/attempts/' + attempt[1]);
    window.hoiThiEarlyReads = early
      .then(function (response) {
        return response.ok ? response.clone().json() : null;
      })
      .then(function (tokens) {
        var sent = {};
        if (!tokens || typeof tokens.accessToken !== 'string') return sent;
        reads.forEach(function (url) {
          var response = fetch(url, { headers: { Accept: 'application/json', 'Accept-Language': language, Authorization: 'Bearer ' + tokens.accessToken } });
          response.catch(function () {});
          sent[url] = { token: tokens.accessToken, language: language, response: response };
        });
        return sent;
      })
      .catch(function () {
        return {};
      });
  } catch {
    // No storage (private mode) or no fetch: the app renews the session and reads by itself.
  }
})();
