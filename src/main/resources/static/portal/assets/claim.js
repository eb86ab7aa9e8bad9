// The claim page's running estimate: the total of the expense rows in euros and what is eligible, by the rules the
// service applies when the claim is sent (ClaimService, ClaimCalculator), which the server renders on the form as
// data-rules (ClaimEstimate): the dates of the activity and its journeys, the excluded categories, each currency's
// rate on or before the expense's date, the grant as a cap, or the call's lump sum. Finance still verifies the claim.

// In cents, exactly: what BigDecimal gives with two decimals rounded half up.
const claimCents = (text) => {
  const [whole, fraction = ''] = String(text).split('.');
  return BigInt(whole + (fraction + '00').substring(0, 2));
};

// An amount of a currency to euro cents with `unitsPerEuro` (a decimal text), rounded half up as the rate table does.
const claimToEuroCents = (cents, unitsPerEuro) => {
  const [whole, fraction = ''] = unitsPerEuro.split('.');
  const scale = 10n ** BigInt(fraction.length);
  const rate = BigInt(whole + fraction);
  return Number((2n * cents * scale + rate) / (2n * rate));
};

// The estimate of rows {category, date (yyyy-mm-dd or ''), cents, currency, receipt} under the rules: the total and
// the eligible amount in cents, whether the cap cut it, and what could not be counted.
const claimEstimate = (rules, rows) => {
  let total = 0;
  let eligible = 0;
  let withoutReceipt = 0;
  let outsideDates = 0;
  const unconverted = [];
  rows.forEach((row) => {
    const ratesOf = rules.rates[row.currency];
    if (!ratesOf) {
      unconverted.push(row.currency);
      return;
    }
    // The newest rate on or before the expense's date; an undated row takes the newest one for its total.
    const rate = row.currency === 'EUR' ? '1' : (ratesOf.find(([day]) => !row.date || day <= row.date) || [])[1];
    if (!rate) {
      unconverted.push(row.currency);
      return;
    }
    const euros = claimToEuroCents(BigInt(row.cents), rate);
    total += euros;
    const inWindow = row.date >= rules.from && row.date <= rules.to;
    if (!row.receipt) {
      withoutReceipt += 1;
    } else if (row.date && !inWindow) {
      outsideDates += 1;
    } else if (row.category && !rules.excluded.includes(row.category) && inWindow) {
      eligible += euros;
    }
  });
  const cap = Number(claimCents(rules.cap));
  const amount = rules.model === 'LUMP_SUM' ? Number(claimCents(rules.lumpSum)) : eligible;
  return { total, eligible: Math.min(amount, cap), capped: amount > cap, withoutReceipt, outsideDates,
    unconverted: [...new Set(unconverted)] };
};

document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('claim-form');
  const output = document.getElementById('eligible-total');
  if (!form || !output || !form.dataset.rules) {
    return;
  }
  const rules = JSON.parse(form.dataset.rules);
  const money = new Intl.NumberFormat(document.documentElement.lang || 'en', { style: 'currency', currency: 'EUR' });
  const euros = (cents) => money.format(cents / 100);

  // As the server reads it (ClaimForm.amount), in the page's language.
  const amount = (text) => Number(window.PortalAmounts.parse(text, document.documentElement.lang) ?? NaN);

  // A receipt chosen now, or one the server kept from an earlier try (a re-rendered form cannot refill a file input).
  const hasReceipt = (row) => row.querySelector('.item-receipt').files.length > 0
    || row.querySelector('[data-kept-receipt]') !== null;

  // The rows as the form shows them now: after a refusal the server re-renders the typed values, counted at once.
  const rows = () => [...form.querySelectorAll('fieldset.expense')].map((row) => ({
    category: row.querySelector('.item-category').value,
    date: row.querySelector('input[type=date]').value,
    cents: Math.round(amount(row.querySelector('.item-amount').value) * 100),
    currency: row.querySelector('.item-currency').value,
    receipt: hasReceipt(row),
  })).filter((row) => row.cents > 0);

  const update = () => {
    const estimate = claimEstimate(rules, rows());
    const lines = [form.dataset.textTotal.replace('%TOTAL%', euros(estimate.total))];
    if (rules.model === 'ACTUAL_COSTS_CAPPED') {
      lines.push((estimate.capped ? form.dataset.textCapped : form.dataset.textEligible)
        .replace('%ELIGIBLE%', euros(estimate.eligible)).replace('%CAP%', euros(Number(claimCents(rules.cap)))));
      if (estimate.withoutReceipt > 0) {
        lines.push(form.dataset.textNoReceipt.replace('%COUNT%', estimate.withoutReceipt));
      }
      if (estimate.outsideDates > 0) {
        lines.push(form.dataset.textOutsideDates.replace('%COUNT%', estimate.outsideDates));
      }
    } else if (rules.model === 'LUMP_SUM') {
      lines.push(form.dataset.textLumpSum.replace('%ELIGIBLE%', euros(estimate.eligible)));
    } else {
      lines.push(form.dataset.textOtherModel);
    }
    if (estimate.unconverted.length > 0) {
      lines.push(form.dataset.textUnconverted.replace('%CURRENCIES%', estimate.unconverted.join(', ')));
    }
    output.textContent = lines.join(' ');
  };

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
});
