// Tasklist's search box first asks for a kind of criterion (Task Variable, …), its name and an operator; a reviewer
// looking for a company or a call just types it. Free text and Enter finds the tasks whose company, call title, call
// reference or application reference contains it, case ignored: the task variable searchText, which
// config/TaskListColumns sets on every task in lower case. Typing the name of a kind of criterion still chooses it.

const placeholder = 'Company, call or APP-n ↵';

function searchBox(element) {
  return element instanceof HTMLInputElement && element.matches('[cam-widget-search] input.main-field') ? element : null;
}

function choosingKind(box) {
  const list = box.parentNode.querySelector('ul.dropdown-menu');
  return list && !list.classList.contains('ng-hide') && list.querySelector('li');
}

function search(text) {
  const query = [{ type: 'taskVariables', operator: 'like', value: `%${text.toLowerCase()}%`, name: 'searchText' }];
  const [path, parameters] = window.location.hash.split('?');
  // Written as Tasklist writes its own (encodeURIComponent, not URLSearchParams: Angular reads no '+' as a space).
  const kept = (parameters || '').split('&').filter(parameter => parameter && !/^search(Or)?Query(=|$)/.test(parameter));
  kept.push(`searchQuery=${encodeURIComponent(JSON.stringify(query))}`);
  window.location.hash = `${path || '#/'}?${kept.join('&')}`;
}

document.addEventListener('keydown', event => {
  const box = searchBox(event.target);
  const text = box && box.value.trim();
  if (event.key !== 'Enter' || !text || choosingKind(box)) {
    return;
  }
  event.preventDefault();
  event.stopPropagation();
  box.value = '';
  box.dispatchEvent(new Event('input', { bubbles: true }));
  // Tasklist gives the emptied box the focus again once the search is made, which opens its list of kinds of
  // criteria over the results: closed as Escape closes it.
  window.addEventListener('hashchange', () => setTimeout(() => {
    const emptied = searchBox(document.activeElement);
    if (emptied && !emptied.value) {
      emptied.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', keyCode: 27, which: 27, bubbles: true }));
      emptied.blur();
    }
  }, 300), { once: true });
  search(text);
}, true);

// Says what the box now takes, in the cluster's language once staff-language.js has read /staff/language; set
// again whenever Tasklist writes its own placeholder back.
let said = placeholder;

function sayWhatItTakes() {
  const box = searchBox(document.querySelector('[cam-widget-search] input.main-field'));
  if (box && box.getAttribute('placeholder') !== said) {
    box.setAttribute('placeholder', said);
  }
}

function sayIn(texts) {
  said = (texts && texts[placeholder]) || placeholder;
  sayWhatItTakes();
}

window.addEventListener('clustercalls:staff-texts', event => sayIn(event.detail));
new MutationObserver(sayWhatItTakes).observe(document.body,
  { childList: true, subtree: true, attributes: true, attributeFilter: ['placeholder'] });
sayIn(window.clusterCallsStaffTexts);
