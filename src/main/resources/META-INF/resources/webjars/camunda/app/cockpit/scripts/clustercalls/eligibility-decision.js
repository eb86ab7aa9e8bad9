// Cockpit plugin of ClusterCalls: an application's instance links to its eligibility decision. The decision is
// evaluated outside the process, so Cockpit neither lists it with the instance nor finds it by business key; our
// address /staff/applications/{reference}/eligibility-decision finds it and opens Cockpit's page of it.

function engineApi() {
  const engine = window.location.pathname.split('/').filter(Boolean).pop();
  return `${document.querySelector('base').getAttribute('engine-api')}engine/${encodeURIComponent(engine)}`;
}

function renderTab(node, { processInstanceId }) {
  node.textContent = 'Loading…';
  fetch(`${engineApi()}/process-instance/${encodeURIComponent(processInstanceId)}`,
    { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(response => {
      if (!response.ok) {
        throw new Error(`The instance could not be read (HTTP ${response.status}).`);
      }
      return response.json();
    })
    .then(instance => {
      node.textContent = '';
      const reference = instance.businessKey || '';
      if (!/^APP-\d+$/.test(reference)) {
        node.textContent = 'Only an application\'s instance has an eligibility decision.';
        return;
      }
      const text = document.createElement('p');
      text.append('The eligibility rules were evaluated for ', reference, ' when it came in: ');
      const link = document.createElement('a');
      link.className = 'clustercalls-decision-link';
      link.href = `/staff/applications/${encodeURIComponent(reference)}/eligibility-decision`;
      link.textContent = `open the eligibility decision of ${reference}`;
      text.append(link, '.');
      node.appendChild(text);
    })
    .catch(error => { node.textContent = error.message; });
}

export default [
  {
    id: 'clustercalls.eligibilityDecision.tab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 15,
    label: 'Eligibility decision',
    render: renderTab
  }
];
