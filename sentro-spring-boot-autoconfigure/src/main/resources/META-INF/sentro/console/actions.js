// Table and detail actions as buttons with their labels: a message, or the file the action answers with.
import { h, Component } from './dom.js';
import { attachmentName, isAttachment, problemText } from './api.js';
import { fromInput, input } from './fields.js';

export function keyPath(table, row) {
  return table.primaryKey.map((column) => encodeURIComponent(String(row[column]))).join(',');
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * The actions of one type ('table' or 'detail') the caller may run. A table action runs on the rows the list shows
 * (its filters, sort and page); a detail action on one row.
 */
export class ActionBar extends Component {
  constructor(props) {
    super(props);
    this.state = { running: null, asking: null, values: {}, errors: {} };
  }

  /** An action that declares inputs asks for them first; others run at once. */
  start(action) {
    if (action.input && action.input.length) {
      this.setState({ asking: action.id, values: {}, errors: {} });
    } else {
      this.run(action, undefined);
    }
  }

  submit(event, action) {
    event.preventDefault();
    const body = {};
    const errors = {};
    for (const field of action.input) {
      const text = this.state.values[field.name] || '';
      try {
        const value = fromInput(asColumn(field), text);
        if (value !== null) {
          body[field.name] = value;
        }
      } catch (ex) {
        errors[field.name] = ex.message;
      }
    }
    if (Object.keys(errors).length) {
      this.setState({ errors });
      return;
    }
    this.run(action, body);
  }

  async run(action, body) {
    const { api, table, rowKey, query, notify, onDone } = this.props;
    this.setState({ running: action.id });
    try {
      const path = action.type === 'table' ? `/${table.name}/_actions/${action.id}`
        : `/${table.name}/${rowKey}/_actions/${action.id}`;
      const result = await api.request('POST', path, { query: action.type === 'table' ? query : undefined, body });
      const named = !result.ok && result.problem && result.problem.parameter
        && (action.input || []).some((field) => field.name === result.problem.parameter);
      if (named) {
        this.setState({ errors: { [result.problem.parameter]: problemText(result.problem) } });
      } else if (!result.ok) {
        notify('error', `${action.label}: ${problemText(result.problem)}`);
      } else if (isAttachment(result.response)) {
        const name = attachmentName(result.response);
        download(await result.response.blob(), name);
        notify('success', `${action.label}: downloaded ${name}`);
      } else {
        this.setState({ asking: null });
        const message = result.body && (result.body.message || result.body.detail);
        notify('success', message ? `${action.label}: ${message}` : `${action.label}: done`);
        if (onDone) {
          onDone();
        }
      }
    } catch (ex) {
      notify('error', `${action.label}: ${ex.message}`);
    } finally {
      this.setState({ running: null });
    }
  }

  form(action) {
    const { values, errors, running } = this.state;
    return h('form', { class: 'action-form', 'data-action-form': action.id, novalidate: true,
      onSubmit: (event) => this.submit(event, action) },
      action.input.map((field) => {
        const id = `action-${action.id}-${field.name}`;
        return h('div', { class: 'form-field' },
          h('label', { for: id }, field.label, field.required ? h('span', { class: 'required-mark' },
            h('span', { 'aria-hidden': 'true' }, ' *'), h('span', { class: 'sr-only' }, ' (required)')) : null),
          input(asColumn(field), {
            id,
            value: values[field.name] || '',
            invalid: Boolean(errors[field.name]),
            describedBy: errors[field.name] ? `${id}-error` : undefined,
            onInput: (text) => this.setState({ values: { ...this.state.values, [field.name]: text } }),
          }),
          errors[field.name] ? h('small', { id: `${id}-error`, class: 'field-error', role: 'alert' }, errors[field.name])
            : null);
      }),
      h('div', { class: 'toolbar' },
        h('button', { type: 'submit', 'aria-busy': running === action.id ? 'true' : undefined }, action.label),
        h('button', { type: 'button', class: 'secondary', onClick: () => this.setState({ asking: null }) }, 'Cancel')));
  }

  render() {
    const { table, allowed, type } = this.props;
    const actions = (table.actions || []).filter((action) => action.type === type && allowed.includes(action.id));
    const asking = actions.find((action) => action.id === this.state.asking);
    return [actions.map((action) => h('button', {
      type: 'button',
      class: 'secondary',
      'data-action': action.id,
      'aria-expanded': action.input && action.input.length ? String(this.state.asking === action.id) : undefined,
      'aria-busy': this.state.running === action.id ? 'true' : undefined,
      disabled: this.state.running !== null,
      onClick: () => this.start(action),
    }, action.label)), asking ? this.form(asking) : null];
  }
}

/** An action's input as the fields module sees a column. */
function asColumn(field) {
  return { name: field.name, displayName: field.label, kind: field.kind, requiredOnCreate: field.required,
    nullable: !field.required, maxLength: field.kind === 'text' ? 1000 : undefined, enumValues: [] };
}
