// ClusterCalls' Tasklist configuration: it replaces the webapp's default config.js, so the default's settings (its
// keyboard shortcuts) are kept here as they were.
export default {
  customScripts: ['scripts/clustercalls/staff-language.js', 'scripts/clustercalls/task-search.js'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
