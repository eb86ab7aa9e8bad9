// Checks the apply form's answers as they are typed, with the server's messages (data- attributes in the reader's
// language). The server checks the same rules again; without this script the form works the same.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('apply-form');
  if (!form) {
    return;
  }
  const fields = Array.from(form.querySelectorAll('[data-required-message]'));
  const lang = document.documentElement.lang;

  const problemOf = (field) => {
    const value = field.value.trim();
    const pair = field.dataset.pair ? document.getElementById(field.dataset.pair) : null;
    const required = field.dataset.required === 'true' || (pair !== null && pair.value.trim() !== '');
    if (value === '') {
      return required ? field.dataset.requiredMessage : '';
    }
    if (field.dataset.maxLength && value.length > Number(field.dataset.maxLength)) {
      return field.dataset.tooLongMessage;
    }
    if (field.dataset.maxGrant) {
      // Read as the server reads it, in the page's language (PortalAmounts in portal.js).
      const typed = window.PortalAmounts.parse(value, lang);
      if (typed === null || typed.split('.')[0].length > 9) {
        return field.dataset.formatMessage;
      }
      const amount = Number(typed);
      if (amount <= 0) {
        return field.dataset.positiveMessage;
      }
      if (amount > Number(field.dataset.maxGrant)) {
        return field.dataset.maxMessage;
      }
    }
    return '';
  };

  const check = (field) => {
    const message = problemOf(field);
    const error = document.getElementById(field.id + '-error');
    if (error) {
      error.textContent = message;
    }
    if (message) {
      field.setAttribute('aria-invalid', 'true');
    } else {
      field.removeAttribute('aria-invalid');
    }
    return message === '';
  };

  const count = (field) => {
    const counter = document.getElementById(field.id + '-counter');
    if (counter && counter.dataset.template) {
      counter.textContent = counter.dataset.template
        .replace('{0}', field.value.length.toLocaleString(lang))
        .replace('{1}', Number(field.dataset.maxLength).toLocaleString(lang));
    }
  };

  fields.forEach((field) => {
    field.addEventListener('blur', () => check(field));
    field.addEventListener('input', () => {
      count(field);
      // An error already shown goes away as soon as the answer is right; a new one waits for the blur.
      if (field.getAttribute('aria-invalid') === 'true') {
        check(field);
      }
    });
  });

  // The preview needs complete answers; a draft may be saved as it is.
  form.addEventListener('submit', (event) => {
    if (!event.submitter || event.submitter.value !== 'preview') {
      return;
    }
    const invalid = fields.filter((field) => !check(field));
    if (invalid.length > 0) {
      event.preventDefault();
      invalid[0].focus();
    }
  });
});
