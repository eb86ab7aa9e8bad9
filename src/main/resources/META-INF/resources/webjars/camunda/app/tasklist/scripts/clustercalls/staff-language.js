// The texts Tasklist and its forms (form-js) show in English only, a field's validation messages and the notices
// around a submitted form, in the signed-in staff member's cluster language: /staff/language gives them keyed by
// their English (messages/tasklist*.properties), and each is replaced where it appears on the page. A number or
// pattern the English text carries ({0}) is kept; a text not in the list stays as it is.

const address = '/staff/language';

// The signed-in person's texts once read: English text → translation, and those that carry a {n}.
let words = null;
let reading = null;

function escaped(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(texts) {
  const exact = new Map();
  const carrying = [];
  Object.entries(texts).forEach(([english, translated]) => {
    const places = [...english.matchAll(/\{(\d)\}/g)].map(place => Number(place[1]));
    if (places.length === 0) {
      exact.set(english, translated);
      return;
    }
    const pattern = new RegExp(`^${english.split(/\{\d\}/).map(escaped).join('(.+?)')}$`);
    carrying.push({ pattern, places, translated });
  });
  return { exact, carrying };
}

function translation(text) {
  if (words.exact.has(text)) {
    return words.exact.get(text);
  }
  for (const { pattern, places, translated } of words.carrying) {
    const match = pattern.exec(text);
    if (match) {
      const values = [];
      places.forEach((place, i) => { values[place] = match[i + 1]; });
      return translated.replace(/\{(\d)\}/g, (_, place) => values[Number(place)]);
    }
  }
  return null;
}

function translate(node) {
  // A field's value is the person's own writing, never a text to replace.
  if (!node.parentNode || node.parentNode.closest('script, style, textarea')) {
    return;
  }
  const text = node.data.trim();
  const translated = text && translation(text);
  if (translated && translated !== text) {
    node.data = node.data.replace(text, () => translated);
  }
}

function translateWithin(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translate(root);
  } else if (root.nodeType === Node.ELEMENT_NODE) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      translate(node);
    }
  }
}

function signingIn() {
  return window.location.hash.startsWith('#/login');
}

// Read once per signed-in person: at start (a session may be open already) and on the first page after signing in.
// Before that (401) nothing is replaced; what is already on the page is replaced once the texts arrive.
function read() {
  if (words || reading || signingIn()) {
    return;
  }
  reading = fetch(address, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(response => (response.ok ? response.json() : null))
    .then(answer => {
      if (answer) {
        words = compile(answer.texts);
        translateWithin(document.body);
        // The one read of the texts: task-search.js takes its placeholder from it.
        window.clusterCallsStaffTexts = answer.texts;
        window.dispatchEvent(new CustomEvent('clustercalls:staff-texts', { detail: answer.texts }));
      }
    })
    .catch(error => console.error('The staff language could not be read.', error))
    .finally(() => { reading = null; });
}

window.addEventListener('hashchange', () => {
  if (signingIn()) {
    // Signed out, or the session ended: the next person may work for another cluster.
    words = null;
    window.clusterCallsStaffTexts = null;
  } else {
    read();
  }
});

new MutationObserver(mutations => {
  if (!words) {
    return;
  }
  mutations.forEach(mutation => {
    if (mutation.type === 'characterData') {
      translateWithin(mutation.target);
    } else {
      mutation.addedNodes.forEach(translateWithin);
    }
  });
}).observe(document.body, { childList: true, characterData: true, subtree: true });

read();
