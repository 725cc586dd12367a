// One row: its columns and display fields, its related rows (links to them), and what the caller may do with it.
import { h, Component } from './dom.js';
import { tableTitle } from './names.js';
import { display } from './fields.js';
import { problemText } from './api.js';
import { ActionBar, keyPath } from './actions.js';

export class DetailView extends Component {
  constructor(props) {
    super(props);
    this.state = { row: null, problem: null, confirming: false };
  }

  componentDidMount() {
    this.load();
  }

  componentDidUpdate(previous) {
    if (previous.table.name !== this.props.table.name || previous.rowKey !== this.props.rowKey) {
      this.load();
    }
  }

  /** The relations to show: those whose table the caller may read. */
  relations() {
    const { table, readable } = this.props;
    return (table.relations || []).filter((relation) => readable.has(relation.table));
  }

  async load() {
    const { api, table, rowKey } = this.props;
    const relations = this.relations();
    const query = new URLSearchParams();
    if (relations.length) {
      query.set('embed', relations.map((relation) => relation.name).join(','));
      relations.filter((relation) => relation.kind !== 'many-to-one')
        .forEach((relation) => query.set(`${relation.name}.limit`, '20'));
    }
    let result = await api.request('GET', `/${table.name}/${rowKey}`, { query });
    if (!result.ok && relations.length && result.status === 400) {
      result = await api.request('GET', `/${table.name}/${rowKey}`);
    }
    this.setState({ row: result.ok ? result.body : null, problem: result.problem, confirming: false });
  }

  async remove() {
    const { api, table, rowKey, navigate } = this.props;
    const result = await api.request('DELETE', `/${table.name}/${rowKey}`);
    if (result.ok) {
      navigate(`#/t/${table.name}`, { kind: 'success', text: 'Deleted' });
    } else {
      this.setState({ confirming: false });
      this.props.notify('error', problemText(result.problem));
    }
  }

  relatedRows(relation, rows) {
    const target = this.props.schema.get(relation.table);
    if (!target) {
      return null;
    }
    const columns = target.columns.slice(0, 4);
    return h('div', { class: 'overflow-auto' }, h('table', { class: 'striped', 'data-relation': relation.name },
      h('thead', null, h('tr', null, columns.map((column) => h('th', { scope: 'col' }, column.displayName || column.name)))),
      h('tbody', null, rows.map((related) => h('tr', null, columns.map((column, index) => h('td', { class: 'cell' },
        index === 0 && target.primaryKey.length
          ? h('a', { href: `#/t/${target.name}/r/${keyPath(target, related)}` }, display(related[column.name], column))
          : display(related[column.name], column))))))));
  }

  relation(relation) {
    const { row } = this.state;
    const { schema } = this.props;
    const target = schema.get(relation.table);
    const title = `${relation.name} (${tableTitle(target || { name: relation.table })})`;
    const value = row[relation.name];
    if (relation.kind === 'many-to-one') {
      const key = relation.columns.map((column) => encodeURIComponent(String(row[column]))).join(',');
      const empty = relation.columns.some((column) => row[column] === null || row[column] === undefined);
      const shown = target && (target.columns[1] || target.columns[0]);
      return h('section', { 'data-relation': relation.name }, h('h3', null, title),
        empty ? h('p', null, '—') : h('p', null, h('a', { href: `#/t/${relation.table}/r/${key}` },
          value && shown ? display(value[shown.name], shown) : decodeURIComponent(key))));
    }
    const rows = Array.isArray(value) ? value : [];
    const all = relation.kind === 'one-to-many' && relation.targetColumns.length === 1
      ? `#/t/${relation.table}?where.${relation.targetColumns[0]}.eq=${encodeURIComponent(String(row[relation.columns[0]]))}`
      : null;
    return h('section', { 'data-relation': relation.name }, h('h3', null, title),
      rows.length ? this.relatedRows(relation, rows) : h('p', null, 'None'),
      all ? h('p', null, h('a', { href: all }, `All ${relation.name}`)) : null);
  }

  render() {
    const { api, table, entry, rowKey, notify } = this.props;
    const { row, problem, confirming } = this.state;
    if (problem) {
      return h('p', { class: 'notice error', role: 'alert' }, problemText(problem));
    }
    if (!row) {
      return h('p', { 'aria-busy': 'true' }, 'Loading…');
    }
    const canEdit = entry.operations.includes('update');
    const canDelete = entry.operations.includes('delete');
    return h('section', { 'aria-labelledby': 'detail-title' },
      h('nav', { 'aria-label': 'Breadcrumb' }, h('ul', null,
        h('li', null, h('a', { href: `#/t/${table.name}` }, tableTitle(table))),
        h('li', null, decodeURIComponent(rowKey)))),
      h('h2', { id: 'detail-title' }, `${tableTitle(table)} ${decodeURIComponent(rowKey)}`),
      h('div', { class: 'toolbar' },
        canEdit ? h('a', { role: 'button', id: 'edit-row', href: `#/t/${table.name}/r/${rowKey}/edit` }, 'Edit') : null,
        canDelete ? h('button', { type: 'button', class: 'secondary', id: 'delete-row',
          onClick: () => this.setState({ confirming: true }) }, 'Delete') : null,
        h(ActionBar, { api, table, allowed: entry.actions, type: 'detail', rowKey, notify, onDone: () => this.load() })),
      h('dl', { class: 'row' },
        table.columns.map((column) => [h('dt', null, column.displayName || column.name),
          h('dd', { 'data-column': column.name }, display(row[column.name], column))]),
        (table.displayFields || []).map((field) => [h('dt', null, field),
          h('dd', { 'data-column': field }, display(row[field]))])),
      this.relations().map((relation) => this.relation(relation)),
      confirming ? h('dialog', { open: true, 'aria-labelledby': 'confirm-title', id: 'confirm-delete' },
        h('article', null,
          h('h3', { id: 'confirm-title' }, 'Delete this row?'),
          h('p', null, `${tableTitle(table)} ${decodeURIComponent(rowKey)} will be deleted. This cannot be undone.`),
          h('footer', null,
            h('button', { type: 'button', class: 'secondary', onClick: () => this.setState({ confirming: false }) }, 'Cancel'),
            h('button', { type: 'button', id: 'confirm-delete-button', onClick: () => this.remove() }, 'Delete')))) : null);
  }
}
