// The claim page's running estimate: the total of the expense rows in euros and what may be eligible, with the
// rules the server rendered on the form (excluded categories, the grant as a cap, the rates it knows). Only an
// estimate: the service computes the amount when the claim is sent, and finance verifies it.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('claim-form');
  const output = document.getElementById('eligible-total');
  if (!form || !output) {
    return;
  }
  const cap = Number(form.dataset.cap);
  const excluded = (form.dataset.excluded || '').split(' ').filter(Boolean);
  const actualCosts = form.dataset.actualCosts === 'true';
  const money = new Intl.NumberFormat(document.documentElement.lang || 'en', { style: 'currency', currency: 'EUR' });

  // As the server reads it (ClaimForm.amount): the last separator followed by one or two digits is the decimal one.
  const amount = (text) => {
    const value = text.replace(/[\s\u00a0]/g, '');
    if (!/^\d[\d.,]*$/.test(value)) {
      return NaN;
    }
    const last = Math.max(value.lastIndexOf('.'), value.lastIndexOf(','));
    const decimals = last >= 0 && value.length - last - 1 <= 2;
    const whole = (decimals ? value.substring(0, last) : value).replace(/[.,]/g, '');
    return Number(decimals ? whole + '.' + value.substring(last + 1) : whole);
  };

  const update = () => {
    let total = 0;
    let eligible = 0;
    const unconverted = [];
    let withoutReceipt = 0;
    form.querySelectorAll('fieldset.expense').forEach((row) => {
      const value = amount(row.querySelector('.item-amount').value);
      if (!(value > 0)) {
        return;
      }
      const currency = row.querySelector('.item-currency');
      const rate = Number(currency.selectedOptions[0] && currency.selectedOptions[0].dataset.unitsPerEuro);
      if (!(rate > 0)) {
        unconverted.push(currency.value);
        return;
      }
      const euros = Math.round(value / rate * 100) / 100;
      total += euros;
      const category = row.querySelector('.item-category').value;
      // A receipt kept from an earlier attempt or a draft counts as attached.
      if (row.querySelector('.item-receipt').files.length === 0 && !row.querySelector('.kept-receipt')) {
        withoutReceipt += 1;
      } else if (!excluded.includes(category)) {
        eligible += euros;
      }
    });
    const lines = [form.dataset.textTotal.replace('%TOTAL%', money.format(total))];
    if (actualCosts) {
      lines.push((eligible > cap ? form.dataset.textCapped : form.dataset.textEligible)
        .replace('%ELIGIBLE%', money.format(Math.min(eligible, cap))).replace('%CAP%', money.format(cap)));
    } else {
      lines.push(form.dataset.textOtherModel);
    }
    if (actualCosts && withoutReceipt > 0) {
      lines.push(form.dataset.textNoReceipt.replace('%COUNT%', withoutReceipt));
    }
    if (unconverted.length > 0) {
      lines.push(form.dataset.textUnconverted.replace('%CURRENCIES%', [...new Set(unconverted)].join(', ')));
    }
    output.textContent = lines.join(' ');
  };

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
});
