// The console's only way to the data: Sentro's public HTTP API, with the credentials the user signed in with.

const STORAGE = 'sentro.console.credentials';

/** The CSRF token of a session the application's login made, when the page was served to one. */
const csrf = (() => {
  const header = document.querySelector('meta[name="sentro-csrf-header"]');
  const token = document.querySelector('meta[name="sentro-csrf"]');
  return header && token ? { header: header.getAttribute('content'), token: token.getAttribute('content') } : null;
})();

export class Api {
  constructor(base) {
    this.base = base;
    const stored = sessionStorage.getItem(STORAGE);
    this.credentials = stored ? JSON.parse(stored) : null;
  }

  signIn(type, value) {
    this.credentials = { type, value };
    sessionStorage.setItem(STORAGE, JSON.stringify(this.credentials));
  }

  signOut() {
    this.credentials = null;
    sessionStorage.removeItem(STORAGE);
  }

  headers(method, extra) {
    const headers = { Accept: 'application/json', ...extra };
    if (this.credentials && this.credentials.type === 'key') {
      headers['X-API-Key'] = this.credentials.value;
    } else if (this.credentials && this.credentials.type === 'bearer') {
      headers.Authorization = 'Bearer ' + this.credentials.value;
    } else if (method !== 'GET' && csrf) {
      // Signed in by the application's own login: its session cookie goes along, and writes need its CSRF token.
      headers[csrf.header] = csrf.token;
    }
    return headers;
  }

  /** One request: {status, ok, body (parsed JSON or null), problem (problem+json or null), response}. */
  async request(method, path, { query, body, headers } = {}) {
    const url = this.base + path + (query && String(query) ? '?' + query : '');
    const init = { method, headers: this.headers(method, headers), credentials: 'same-origin' };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(url, init);
    const type = response.headers.get('Content-Type') || '';
    let parsed = null;
    if (response.status !== 204 && type.includes('json') && !isAttachment(response)) {
      parsed = await response.json();
    }
    return {
      status: response.status,
      ok: response.ok,
      body: response.ok ? parsed : null,
      problem: response.ok ? null : parsed || { title: response.statusText, status: response.status },
      response,
    };
  }
}

export function isAttachment(response) {
  return (response.headers.get('Content-Disposition') || '').startsWith('attachment');
}

/** The file name of a Content-Disposition: attachment answer. */
export function attachmentName(response) {
  const disposition = response.headers.get('Content-Disposition') || '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    return decodeURIComponent(star[1]);
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : 'download';
}

/** A problem's message for people: its detail, else its title. */
export function problemText(problem) {
  if (!problem) {
    return 'The request failed';
  }
  return problem.detail || problem.title || 'The request failed (' + problem.status + ')';
}
