// Table and detail actions as buttons with their labels: a message, or the file the action answers with.
import { h, Component } from './dom.js';
import { attachmentName, isAttachment, problemText } from './api.js';

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
    this.state = { running: null };
  }

  async run(action) {
    const { api, table, rowKey, query, notify, onDone } = this.props;
    this.setState({ running: action.id });
    try {
      const path = action.type === 'table' ? `/${table.name}/_actions/${action.id}`
        : `/${table.name}/${rowKey}/_actions/${action.id}`;
      const result = await api.request('POST', path, { query: action.type === 'table' ? query : undefined });
      if (!result.ok) {
        notify('error', `${action.label}: ${problemText(result.problem)}`);
      } else if (isAttachment(result.response)) {
        const name = attachmentName(result.response);
        download(await result.response.blob(), name);
        notify('success', `${action.label}: downloaded ${name}`);
      } else {
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

  render() {
    const { table, allowed, type } = this.props;
    const actions = (table.actions || []).filter((action) => action.type === type && allowed.includes(action.id));
    return actions.map((action) => h('button', {
      type: 'button',
      class: 'secondary',
      'data-action': action.id,
      'aria-busy': this.state.running === action.id ? 'true' : undefined,
      disabled: this.state.running !== null,
      onClick: () => this.run(action),
    }, action.label));
  }
}
