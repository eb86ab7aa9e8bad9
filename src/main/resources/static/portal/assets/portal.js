// Small helpers of the portal's pages; every page works without them.
document.addEventListener('DOMContentLoaded', () => {
  // A field with an error from the server gets the focus, so a screen reader reads the error next to it.
  const firstInvalid = document.querySelector('[aria-invalid="true"]');
  if (firstInvalid) {
    firstInvalid.focus();
  }
});

// Long repeated rows (expenses, related enterprises, aid received): only the rows in use are shown, with a button
// that adds the next one. Without JavaScript every row is there.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-more-rows]').forEach((group) => {
    const rows = Array.from(group.querySelectorAll(':scope > [data-row]'));
    const blank = (row) => !row.querySelector('[aria-invalid="true"]')
      && Array.from(row.querySelectorAll('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea'))
        .every((field) => !field.value);
    let last = 0;
    rows.forEach((row, i) => { if (!blank(row)) { last = i; } });
    const hidden = rows.slice(last + 1);
    if (hidden.length === 0) {
      return;
    }
    hidden.forEach((row) => { row.hidden = true; });
    const add = document.createElement('button');
    add.type = 'button';
    add.className = 'secondary';
    add.id = group.dataset.moreRows + '-add';
    add.textContent = group.dataset.moreLabel;
    add.addEventListener('click', () => {
      const next = hidden.shift();
      next.hidden = false;
      const first = next.querySelector('input, select, textarea');
      if (first) {
        first.focus();
      }
      if (hidden.length === 0) {
        add.remove();
      }
    });
    group.appendChild(add);
  });
});

// Amounts as a person types them in the page's language, the twin of the server's Amounts (AmountsParityBrowserTest
// runs the same cases through both): parse gives the amount as a plain decimal string ("1500.50"), or null when the
// text is not an amount written that language's way.
window.PortalAmounts = (() => {
  const decimalComma = ['es', 'ca'];
  const separators = (lang) => (decimalComma.includes(String(lang || 'en').split('-')[0].toLowerCase())
    ? { group: '.', decimal: ',' } : { group: ',', decimal: '.' });
  const quote = (c) => c.replace(/[.,]/, '\\$&');
  const parse = (text, lang) => {
    if (text === null || text === undefined) {
      return null;
    }
    const { group, decimal } = separators(lang);
    const value = String(text).trim().replace(/[ \u00a0\u202f]/g, group);
    const g = quote(group);
    const d = quote(decimal);
    if (!new RegExp(`^([1-9]\\d{0,2}(${g}\\d{3})+|\\d+)(${d}\\d{1,2})?$`).test(value)) {
      return null;
    }
    const plain = value.split(group).join('').replace(decimal, '.');
    return plain.replace(/^0+(?=\d)/, '');
  };
  // An amount of at most two decimals (a plain decimal string, as parse gives) as a form shows it: "1.500,50", "2.000".
  const format = (plain, lang) => {
    const { group, decimal } = separators(lang);
    const [whole, fraction = ''] = String(plain).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+$)/g, group);
    return /[1-9]/.test(fraction) ? grouped + decimal + fraction.padEnd(2, '0') : grouped;
  };
  return { parse, format };
})();
