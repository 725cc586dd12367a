// Columns as people see and edit them: a value as text, an input per column kind, and back to JSON.
import { h } from './dom.js';

const INTEGERS = ['smallint', 'integer', 'bigint'];
const NUMBERS = [...INTEGERS, 'decimal', 'real', 'double'];

export function isNumeric(column) {
  return NUMBERS.includes(column.kind);
}

export function isTemporal(column) {
  return ['date', 'timestamp', 'timestamp_tz'].includes(column.kind);
}

/** Whether a column can be written by the caller (not generated, not assigned by the database). */
export function editable(column) {
  return column.writable && !column.generated && !column.autoIncrement;
}

/**
 * A decimal with its column's scale: JSON numbers lose trailing zeros when parsed (149.00 arrives as 149), so a
 * numeric(10,2) shows 149.00 again. Other values, and decimals without a declared scale, as they are.
 */
function withScale(column, value) {
  return column && column.kind === 'decimal' && typeof value === 'number' && Number.isInteger(column.scale)
    ? value.toFixed(column.scale) : null;
}

/** A value as text: JSON for objects and arrays, "—" for null, a decimal with its column's scale. */
export function display(value, column) {
  if (value === null || value === undefined) {
    return '—';
  }
  const decimal = withScale(column, value);
  if (decimal !== null) {
    return decimal;
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  if (typeof value === 'boolean') {
    return value ? 'Yes' : 'No';
  }
  return String(value);
}

/** The text an input starts with for a stored value. */
export function toInput(column, value) {
  if (value === null || value === undefined) {
    return '';
  }
  switch (column.kind) {
    case 'json':
    case 'array':
      return JSON.stringify(value, null, 2);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'timestamp_tz': {
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) {
        return String(value);
      }
      const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
      return local.toISOString().slice(0, 19);
    }
    case 'timestamp':
      return String(value).slice(0, 19);
    default:
      return withScale(column, value) ?? String(value);
  }
}

/**
 * The JSON value of an input's text; throws an Error with a message for people when the text cannot be that kind.
 * Empty text is null: on create the field is left out (its default applies), on edit it sets NULL.
 */
export function fromInput(column, text) {
  if (text === '') {
    return null;
  }
  switch (column.kind) {
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'decimal':
    case 'real':
    case 'double': {
      const number = Number(text);
      if (Number.isNaN(number)) {
        throw new Error('Enter a number');
      }
      return number;
    }
    case 'boolean':
      return text === 'true';
    case 'json':
    case 'array':
      try {
        return JSON.parse(text);
      } catch (ex) {
        throw new Error('Enter valid JSON');
      }
    case 'timestamp_tz':
      return new Date(text).toISOString();
    default:
      return text;
  }
}

/** An input's step: whole numbers, a decimal's scale (numeric(10,2): 0.01), whole seconds. */
function step(column, type) {
  if (INTEGERS.includes(column.kind)) {
    return '1';
  }
  if (isNumeric(column)) {
    return Number.isInteger(column.scale) ? (10 ** -column.scale).toFixed(column.scale) : 'any';
  }
  return type.startsWith('datetime') || type === 'time' ? '1' : undefined;
}

/** The input for a column: a select for enums and booleans, a code field for JSON, date inputs for dates. */
export function input(column, { id, value, disabled, onInput, invalid, describedBy }) {
  const common = {
    id,
    name: column.name,
    value,
    disabled,
    'aria-invalid': invalid ? 'true' : undefined,
    'aria-describedby': describedBy,
    'aria-required': column.requiredOnCreate ? 'true' : undefined,
    onInput: (event) => onInput(event.currentTarget.value),
  };
  if (column.kind === 'enum') {
    return h('select', { ...common, onChange: common.onInput },
      h('option', { value: '' }, column.nullable ? '—' : 'Choose…'),
      (column.enumValues || []).map((choice) => h('option', { value: choice }, choice)));
  }
  if (column.kind === 'boolean') {
    return h('select', { ...common, onChange: common.onInput },
      h('option', { value: '' }, '—'), h('option', { value: 'true' }, 'Yes'), h('option', { value: 'false' }, 'No'));
  }
  if (column.kind === 'json' || column.kind === 'array') {
    return h('textarea', { ...common, class: 'code', spellcheck: false });
  }
  if (column.kind === 'text' && !column.maxLength) {
    return h('textarea', { ...common, rows: 4 });
  }
  const types = { date: 'date', time: 'time', timestamp: 'datetime-local', timestamp_tz: 'datetime-local' };
  const type = isNumeric(column) ? 'number' : types[column.kind] || 'text';
  return h('input', {
    ...common,
    type,
    step: step(column, type),
    maxLength: column.maxLength || undefined,
  });
}
