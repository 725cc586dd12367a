// A table's rows: display names as headings, display fields as columns, filters by column kind, search, sort by
// clicking a heading, keyset pages and the count.
import { h, Component } from './dom.js';
import { tableTitle } from './names.js';
import { display, isNumeric, isTemporal, toInput } from './fields.js';
import { problemText } from './api.js';
import { ActionBar, keyPath } from './actions.js';

const PAGE = '20';

function filterable(column) {
  return ['text', 'enum', 'boolean'].includes(column.kind) || isNumeric(column) || isTemporal(column);
}

export class ListView extends Component {
  constructor(props) {
    super(props);
    this.state = { page: null, problem: null, loading: true, cursors: [] };
  }

  componentDidMount() {
    this.load();
  }

  componentDidUpdate(previous) {
    if (previous.table.name !== this.props.table.name || String(previous.query) !== String(this.props.query)) {
      this.load();
    }
  }

  async load() {
    const { api, table, query } = this.props;
    const request = new URLSearchParams(query);
    if (!request.has('limit')) {
      request.set('limit', PAGE);
    }
    this.setState({ loading: true });
    const result = await api.request('GET', `/${table.name}`, { query: request });
    this.setState({ loading: false, page: result.ok ? result.body : null, problem: result.problem });
  }

  /** Goes to the list with these parameters changed (null removes one); any change but paging starts over. */
  change(changes, paging = false) {
    const next = new URLSearchParams(this.props.query);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null || value === '') {
        next.delete(name);
      } else {
        next.set(name, value);
      }
    }
    if (!paging) {
      next.delete('after');
    }
    this.props.navigate(`#/t/${this.props.table.name}` + (String(next) ? '?' + next : ''));
  }

  sortBy(column) {
    const current = this.props.query.get('sort');
    const next = current === column ? '-' + column : current === '-' + column ? null : column;
    this.change({ sort: next });
  }

  applyFilters(event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const changes = {};
    for (const column of this.props.table.columns.filter(filterable)) {
      for (const operator of ['ilike', 'eq', 'gte', 'lte']) {
        const name = `where.${column.name}.${operator}`;
        if (!form.has(name)) {
          continue;
        }
        let value = String(form.get(name)).trim();
        if (operator === 'ilike' && value) {
          value = `%${value}%`;
        }
        if (column.kind === 'timestamp_tz' && value) {
          // The browser's date-time input is local time; the API compares instants.
          value = new Date(value).toISOString();
        }
        changes[name] = value || null;
      }
    }
    changes.search = String(form.get('search') || '').trim() || null;
    this.change(changes);
  }

  filterInput(column) {
    const query = this.props.query;
    const label = column.displayName || column.name;
    const id = `filter-${column.name}`;
    if (column.kind === 'text') {
      const current = (query.get(`where.${column.name}.ilike`) || '').replace(/^%|%$/g, '');
      return h('label', { for: id }, `${label} contains`,
        h('input', { id, name: `where.${column.name}.ilike`, value: current }));
    }
    if (column.kind === 'enum' || column.kind === 'boolean') {
      const choices = column.kind === 'enum' ? column.enumValues || [] : ['true', 'false'];
      return h('label', { for: id }, label,
        h('select', { id, name: `where.${column.name}.eq`, value: query.get(`where.${column.name}.eq`) || '' },
          h('option', { value: '' }, 'Any'),
          choices.map((choice) => h('option', { value: choice }, column.kind === 'boolean'
            ? (choice === 'true' ? 'Yes' : 'No') : choice))));
    }
    const type = isNumeric(column) ? 'number' : column.kind === 'date' ? 'date' : 'datetime-local';
    const bound = (operator) => {
      const value = query.get(`where.${column.name}.${operator}`) || '';
      return column.kind === 'timestamp_tz' && value ? toInput(column, value) : value;
    };
    return h('fieldset', null, h('legend', null, `${label} between`), h('div', { class: 'range' },
      h('input', { type, step: 'any', name: `where.${column.name}.gte`, 'aria-label': `${label} from`,
        value: bound('gte') }),
      h('input', { type, step: 'any', name: `where.${column.name}.lte`, 'aria-label': `${label} to`,
        value: bound('lte') })));
  }

  render() {
    const { api, table, entry, query, notify, navigate } = this.props;
    const { page, problem, loading } = this.state;
    const columns = table.columns;
    const fields = table.displayFields || [];
    const sort = query.get('sort') || '';
    const filtered = [...query.keys()].some((name) => name.startsWith('where.') || name === 'search');
    const searchable = columns.some((column) => column.kind === 'text');
    const canCreate = entry.operations.includes('create');
    return h('section', { 'aria-labelledby': 'list-title' },
      h('h2', { id: 'list-title' }, tableTitle(table)),
      h('div', { class: 'toolbar' },
        canCreate ? h('a', { role: 'button', href: `#/t/${table.name}/new`, id: 'new-row' }, 'New') : null,
        h(ActionBar, { api, table, allowed: entry.actions, type: 'table', query, notify, onDone: () => this.load() })),
      h('details', { open: filtered },
        h('summary', null, 'Filters and search'),
        h('form', { onSubmit: (event) => this.applyFilters(event), id: 'filters' },
          searchable ? h('label', { for: 'search' }, 'Search text columns',
            h('input', { id: 'search', type: 'search', name: 'search', value: query.get('search') || '' })) : null,
          h('div', { class: 'filters' }, columns.filter(filterable).map((column) => this.filterInput(column))),
          h('div', { class: 'toolbar' },
            h('button', { type: 'submit' }, 'Apply'),
            filtered ? h('button', { type: 'button', class: 'secondary', onClick: () => navigate(`#/t/${table.name}`) },
              'Clear') : null))),
      problem ? h('p', { class: 'notice error', role: 'alert' }, problemText(problem)) : null,
      page ? h('p', { id: 'count', 'aria-live': 'polite' }, page.total === null || page.total === undefined
        ? `${page.rows.length} rows on this page`
        : `${page.totalIsEstimate ? 'About ' : ''}${page.total} ${page.total === 1 ? 'row' : 'rows'}`) : null,
      h('div', { class: 'overflow-auto', 'aria-busy': loading ? 'true' : undefined },
        page ? h('table', { class: 'striped', id: 'rows' },
          h('thead', null, h('tr', null,
            columns.map((column) => {
              const direction = sort === column.name ? 'ascending' : sort === '-' + column.name ? 'descending' : 'none';
              return h('th', { scope: 'col', 'aria-sort': direction, 'data-column': column.name },
                h('button', { type: 'button', class: 'sort', onClick: () => this.sortBy(column.name) },
                  column.displayName || column.name,
                  h('span', { class: 'sort-mark', 'aria-hidden': 'true' },
                    direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '')));
            }),
            fields.map((field) => h('th', { scope: 'col', 'data-column': field }, field)))),
          h('tbody', null, page.rows.map((row) => h('tr', null,
            columns.map((column) => h('td', { class: 'cell', 'data-column': column.name },
              column.name === table.primaryKey[0]
                ? h('a', { href: `#/t/${table.name}/r/${keyPath(table, row)}` }, display(row[column.name], column))
                : display(row[column.name], column))),
            fields.map((field) => h('td', { class: 'cell', 'data-column': field }, display(row[field]))))))) : null),
      page ? h('nav', { class: 'pager', 'aria-label': 'Pages' },
        query.has('after') ? h('button', { type: 'button', class: 'secondary', id: 'first-page',
          onClick: () => this.change({ after: null }) }, 'First page') : null,
        page.next ? h('button', { type: 'button', id: 'next-page',
          onClick: () => this.change({ after: page.next }, true) }, 'Next page') : null) : null);
  }
}
