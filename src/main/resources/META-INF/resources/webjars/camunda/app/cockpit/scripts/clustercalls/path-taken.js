// Cockpit plugins of ClusterCalls: the path a process instance has taken so far, as a tab listing every step
// with its times and the person who did it, and as marks on the diagram. Cockpit's community edition shows only
// where an instance is now; a monitoring expert also asks how it got there.

const passedMarker = 'clustercalls-passed';

// The engine's REST path as the webapp itself builds it: the diagram plugin point of 7.24 hands plugins an
// engineApi with the page address in place of the engine name, so it is read from the page instead.
function engineApi() {
  const engine = window.location.pathname.split('/').filter(Boolean).pop();
  return `${document.querySelector('base').getAttribute('engine-api')}engine/${encodeURIComponent(engine)}`;
}

function history(processInstanceId) {
  const url = `${engineApi()}/history/activity-instance?processInstanceId=${encodeURIComponent(processInstanceId)}`
    + '&sortBy=startTime&sortOrder=asc';
  return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(response => {
      if (!response.ok) {
        throw new Error(`The history could not be read (HTTP ${response.status}).`);
      }
      return response.json();
    });
}

// Gateways, flows and the process itself are not steps a person reads as such.
const shown = step => step.activityName && !/Gateway$/.test(step.activityType) && step.activityType !== 'processDefinition';

function when(time) {
  return time ? new Date(time).toLocaleString() : '';
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.appendChild(td);
}

function renderTab(node, { processInstanceId }) {
  node.textContent = 'Loading the path taken…';
  history(processInstanceId).then(steps => {
    const table = document.createElement('table');
    table.className = 'cam-table';
    const head = table.createTHead().insertRow();
    ['Step', 'Started', 'Ended', 'By'].forEach(title => {
      const th = document.createElement('th');
      th.textContent = title;
      head.appendChild(th);
    });
    const body = table.createTBody();
    steps.filter(shown).forEach(step => {
      const row = body.insertRow();
      cell(row, step.activityName);
      cell(row, when(step.startTime));
      cell(row, step.endTime ? when(step.endTime) : (step.canceled ? 'cancelled' : 'in progress'));
      cell(row, step.assignee || (step.activityType === 'userTask' || !step.endTime ? '' : 'system'));
    });
    node.textContent = '';
    node.appendChild(table);
  }).catch(error => { node.textContent = error.message; });
}

function renderDiagram(viewer, { processInstanceId }) {
  if (!document.getElementById('clustercalls-path-style')) {
    const style = document.createElement('style');
    style.id = 'clustercalls-path-style';
    style.textContent = `.djs-element.${passedMarker} .djs-visual > :first-child { stroke: #2e7d32 !important; stroke-width: 3px !important; }`;
    document.head.appendChild(style);
  }
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  history(processInstanceId).then(steps => steps
    .filter(step => step.endTime && registry.get(step.activityId))
    .forEach(step => canvas.addMarker(step.activityId, passedMarker)))
    .catch(error => console.error(error));
}

export default [
  {
    id: 'clustercalls.pathTaken.tab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 20,
    label: 'Path taken',
    render: renderTab
  },
  {
    id: 'clustercalls.pathTaken.diagram',
    pluginPoint: 'cockpit.processInstance.diagram.plugin',
    priority: 20,
    render: renderDiagram
  }
];
