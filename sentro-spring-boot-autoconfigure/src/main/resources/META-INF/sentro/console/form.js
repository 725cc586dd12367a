// Create and edit forms generated from the columns; the API's problems are shown next to the field they name.
import { h, Component } from './dom.js';
import { tableTitle } from './names.js';
import { editable, fromInput, input, toInput } from './fields.js';
import { problemText } from './api.js';
import { keyPath } from './actions.js';

export class FormView extends Component {
  constructor(props) {
    super(props);
    this.state = { values: {}, original: {}, errors: {}, problem: null, loading: Boolean(props.rowKey), saving: false };
  }

  componentDidMount() {
    if (this.props.rowKey) {
      this.load();
    }
  }

  async load() {
    const { api, table, rowKey } = this.props;
    const result = await api.request('GET', `/${table.name}/${rowKey}`);
    if (!result.ok) {
      this.setState({ loading: false, problem: result.problem });
      return;
    }
    const values = {};
    table.columns.forEach((column) => { values[column.name] = toInput(column, result.body[column.name]); });
    this.etag = result.response.headers.get('ETag');
    this.setState({ loading: false, values, original: { ...values } });
  }

  async submit(event) {
    event.preventDefault();
    const { api, table, rowKey, navigate } = this.props;
    const { values, original } = this.state;
    const body = {};
    const errors = {};
    for (const column of table.columns.filter(editable)) {
      const text = values[column.name] === undefined ? '' : values[column.name];
      if (rowKey ? text === original[column.name] : text === '') {
        continue;
      }
      try {
        body[column.name] = fromInput(column, text);
      } catch (ex) {
        errors[column.name] = ex.message;
      }
    }
    if (Object.keys(errors).length) {
      this.setState({ errors, problem: null }, () => this.focusError());
      return;
    }
    this.setState({ saving: true, errors: {}, problem: null });
    const result = rowKey
      ? await api.request('PATCH', `/${table.name}/${rowKey}`, { body, headers: this.etag ? { 'If-Match': this.etag } : {} })
      : await api.request('POST', `/${table.name}`, { body, headers: { Prefer: 'return=representation' } });
    if (result.ok) {
      const key = result.body && table.primaryKey.length ? keyPath(table, result.body) : rowKey;
      navigate(key ? `#/t/${table.name}/r/${key}` : `#/t/${table.name}`,
        { kind: 'success', text: rowKey ? 'Saved' : 'Created' });
      return;
    }
    const problem = result.problem;
    const field = problem && problem.parameter && table.columns.find((column) => column.name === problem.parameter);
    if (field) {
      this.setState({ saving: false, errors: { [field.name]: problemText(problem) } }, () => this.focusError());
    } else {
      this.setState({ saving: false, problem: result.status === 412
        ? { detail: 'The row changed since you opened it: reload it and make your changes again.' } : problem });
    }
  }

  focusError() {
    const invalid = this.base && this.base.querySelector('[aria-invalid="true"]');
    if (invalid) {
      invalid.focus();
    }
  }

  field(column) {
    const { rowKey } = this.props;
    const { values, errors } = this.state;
    const id = `field-${column.name}`;
    const errorId = `error-${column.name}`;
    const required = !rowKey && column.requiredOnCreate;
    const writable = editable(column);
    const hint = !writable ? 'Set by the database' : !rowKey && column.default !== null && column.default !== undefined
      ? `Default: ${column.default}` : null;
    return h('div', { class: 'form-field', 'data-column': column.name },
      h('label', { for: id }, column.displayName || column.name,
        required ? h('span', { class: 'required-mark' }, h('span', { 'aria-hidden': 'true' }, ' *'),
          h('span', { class: 'sr-only' }, ' (required)')) : null),
      input(column, {
        id,
        value: values[column.name] || '',
        disabled: !writable,
        invalid: Boolean(errors[column.name]),
        describedBy: errors[column.name] ? errorId : undefined,
        onInput: (text) => this.setState({ values: { ...this.state.values, [column.name]: text } }),
      }),
      errors[column.name] ? h('small', { id: errorId, class: 'field-error', role: 'alert' }, errors[column.name])
        : hint ? h('small', null, hint) : null);
  }

  render() {
    const { table, rowKey } = this.props;
    const { loading, problem, saving } = this.state;
    const title = `${rowKey ? 'Edit' : 'New'}: ${tableTitle(table)}${rowKey ? ' ' + decodeURIComponent(rowKey) : ''}`;
    if (loading) {
      return h('p', { 'aria-busy': 'true' }, 'Loading…');
    }
    return h('section', { 'aria-labelledby': 'form-title' },
      h('h2', { id: 'form-title' }, title),
      problem ? h('p', { class: 'notice error', role: 'alert', id: 'form-problem' }, problemText(problem)) : null,
      h('form', { novalidate: true, onSubmit: (event) => this.submit(event), id: 'row-form' },
        table.columns.map((column) => this.field(column)),
        h('div', { class: 'toolbar' },
          h('button', { type: 'submit', id: 'save-row', 'aria-busy': saving ? 'true' : undefined }, rowKey ? 'Save' : 'Create'),
          h('a', { role: 'button', class: 'secondary', href: rowKey ? `#/t/${table.name}/r/${rowKey}` : `#/t/${table.name}` },
            'Cancel'))));
  }
}
