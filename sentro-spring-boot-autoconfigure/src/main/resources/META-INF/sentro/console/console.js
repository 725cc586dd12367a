// The Sentro console: signs in against the API, lists the tables the caller may read, and routes by the URL's hash
// to a table's rows (#/t/posts?where.status.eq=draft), a row (#/t/posts/r/4), or a form (#/t/posts/new, .../edit).
import { h, render, Component } from './dom.js';
import { Api, problemText } from './api.js';
import { tableTitle } from './names.js';
import { ListView } from './list.js';
import { DetailView } from './detail.js';
import { FormView } from './form.js';

const meta = (name) => document.querySelector(`meta[name="${name}"]`).getAttribute('content');
const api = new Api(meta('sentro-api'));
/** Where a credential comes from (sentro.console.sign-in-hint, or Sentro's default): text, rendered as text. */
const signInHint = meta('sentro-sign-in-hint');

function parseRoute(hash) {
  const match = /^#\/t\/([^/?]+)(?:\/(new)|\/r\/([^/?]+)(\/edit)?)?(?:\?(.*))?$/.exec(hash || '');
  if (!match) {
    return { view: 'home' };
  }
  const [, table, created, key, edit, query] = match;
  const view = created ? 'new' : key ? (edit ? 'edit' : 'detail') : 'list';
  return { view, table: decodeURIComponent(table), key, query: new URLSearchParams(query || '') };
}

class SignIn extends Component {
  constructor(props) {
    super(props);
    this.state = { type: 'key', value: '' };
  }

  submit(event) {
    event.preventDefault();
    this.props.onSignIn(this.state.type, this.state.value.trim());
  }

  render() {
    const { problem } = this.props;
    return h('article', { class: 'sign-in' },
      h('h2', null, 'Sign in'),
      h('p', null, 'The console uses the API with your credentials: it shows and does only what they allow.'),
      signInHint ? h('p', { id: 'sign-in-hint', class: 'hint' }, signInHint) : null,
      problem ? h('p', { class: 'notice error', role: 'alert' }, problem) : null,
      h('form', { onSubmit: (event) => this.submit(event), id: 'sign-in' },
        h('fieldset', null, h('legend', null, 'Credentials'),
          h('label', null, h('input', { type: 'radio', name: 'type', value: 'key', checked: this.state.type === 'key',
            onChange: () => this.setState({ type: 'key' }) }), 'API key (X-API-Key)'),
          h('label', null, h('input', { type: 'radio', name: 'type', value: 'bearer', checked: this.state.type === 'bearer',
            onChange: () => this.setState({ type: 'bearer' }) }), 'Bearer token (JWT)')),
        h('label', { for: 'credential' }, this.state.type === 'key' ? 'API key' : 'Token',
          h('input', { id: 'credential', type: 'password', autocomplete: 'off', required: true, value: this.state.value,
            onInput: (event) => this.setState({ value: event.currentTarget.value }) })),
        h('button', { type: 'submit' }, 'Sign in')));
  }
}

class App extends Component {
  constructor(props) {
    super(props);
    this.state = { route: parseRoute(location.hash), index: null, schema: null, problem: null, signIn: false,
      notice: null };
    this.pendingNotice = null;
  }

  componentDidMount() {
    window.addEventListener('hashchange', () => {
      this.setState({ route: parseRoute(location.hash), notice: this.pendingNotice });
      this.pendingNotice = null;
    });
    this.load();
  }

  async load() {
    this.setState({ problem: null });
    try {
      const index = await api.request('GET', '');
      if (index.status === 401) {
        this.setState({ signIn: true, index: null, problem: api.credentials ? 'The API refused these credentials' : null });
        return;
      }
      if (!index.ok) {
        this.setState({ problem: problemText(index.problem) });
        return;
      }
      const schema = await api.request('GET', '/_schema');
      if (!schema.ok) {
        this.setState({ problem: problemText(schema.problem) });
        return;
      }
      this.setState({ index: index.body, schema: new Map(schema.body.tables.map((table) => [table.name, table])),
        signIn: false });
    } catch (ex) {
      this.setState({ problem: 'The API did not answer: ' + ex.message });
    }
  }

  navigate(hash, notice) {
    this.pendingNotice = notice || null;
    if (location.hash === hash) {
      this.setState({ route: parseRoute(hash), notice: this.pendingNotice });
      this.pendingNotice = null;
    } else {
      location.hash = hash;
    }
  }

  notify(kind, text) {
    this.setState({ notice: { kind, text } });
  }

  view() {
    const { route, index, schema } = this.state;
    const entries = new Map(index.tables.map((entry) => [entry.name, entry]));
    if (route.view === 'home') {
      return h('section', null, h('h2', null, 'Tables'), h('ul', null, index.tables.map((entry) => {
        const table = schema.get(entry.name);
        return h('li', null, h('a', { href: `#/t/${entry.name}` }, tableTitle(table || entry)));
      })));
    }
    const table = schema.get(route.table);
    const entry = entries.get(route.table);
    if (!table || !entry) {
      return h('p', { class: 'notice error', role: 'alert' }, `There is no table '${route.table}' you may read.`);
    }
    const props = { api, table, entry, schema, readable: new Set(entries.keys()),
      notify: (kind, text) => this.notify(kind, text), navigate: (hash, notice) => this.navigate(hash, notice) };
    switch (route.view) {
      case 'list':
        return h(ListView, { ...props, key: table.name, query: route.query });
      case 'detail':
        return h(DetailView, { ...props, key: `${table.name}/${route.key}`, rowKey: route.key });
      case 'edit':
        return h(FormView, { ...props, key: `edit ${table.name}/${route.key}`, rowKey: route.key });
      default:
        return h(FormView, { ...props, key: `new ${table.name}`, rowKey: null });
    }
  }

  render() {
    const { index, schema, problem, signIn, notice, route } = this.state;
    const header = h('header', { class: 'container' }, h('nav', null,
      h('ul', null, h('li', null, h('a', { href: '#/' }, h('strong', null, 'Sentro console')))),
      h('ul', null, api.credentials
        ? h('li', null, h('button', { type: 'button', class: 'secondary outline', id: 'sign-out',
          onClick: () => { api.signOut(); this.load(); } }, 'Sign out'))
        : index ? h('li', null, h('button', { type: 'button', class: 'outline', id: 'show-sign-in',
          onClick: () => this.setState({ signIn: true }) }, 'Sign in')) : null)));
    let body;
    if (signIn) {
      body = h(SignIn, { problem, onSignIn: (type, value) => { api.signIn(type, value); this.load(); } });
    } else if (problem) {
      body = h('p', { class: 'notice error', role: 'alert' }, problem);
    } else if (!index) {
      body = h('p', { 'aria-busy': 'true' }, 'Loading…');
    } else {
      body = h('div', { class: 'console-layout' },
        h('aside', { class: 'console-nav' }, h('nav', { 'aria-label': 'Tables' }, h('ul', null,
          index.tables.map((entry) => h('li', null, h('a', {
            href: `#/t/${entry.name}`,
            'aria-current': route.table === entry.name ? 'page' : undefined,
          }, tableTitle(schema.get(entry.name) || entry))))))),
        h('div', null,
          notice ? h('p', { class: `notice ${notice.kind}`, role: notice.kind === 'error' ? 'alert' : 'status', id: 'notice' },
            notice.text) : null,
          this.view()));
    }
    return [header, h('main', { class: 'container' }, body)];
  }
}

const root = document.getElementById('app');
root.textContent = '';
render(h(App), root);
