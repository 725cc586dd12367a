// How the console names a table for people: the display name a customizer gave it (rename), else its name made
// readable. Only titles change: URLs and requests keep the table's own name.

/** A table's title: its display name, else its name humanised (order_items: "Order items"). */
export function tableTitle(table) {
  // _schema's displayName falls back to the name itself when no customizer renamed the table.
  return table.displayName && table.displayName !== table.name ? table.displayName : humanise(table.name);
}

/**
 * A name as words: underscores are spaces, camelCase is split (OrderItems and orderItems: "Order items", a word in
 * capitals stays: userID is "User ID"), the first letter is upper case and the rest is left as it is.
 */
export function humanise(name) {
  const words = [];
  for (const part of name.split(/[_\s]+/)) {
    part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').split(' ')
      .filter(Boolean)
      .forEach((word, index) => words.push(index > 0 && /^[A-Z][a-z]/.test(word)
        ? word[0].toLowerCase() + word.slice(1) : word));
  }
  const text = words.join(' ');
  return text ? text[0].toUpperCase() + text.slice(1) : name;
}
