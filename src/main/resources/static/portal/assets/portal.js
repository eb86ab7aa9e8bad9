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
