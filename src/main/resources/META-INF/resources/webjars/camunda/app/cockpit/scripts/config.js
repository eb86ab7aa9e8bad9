// ClusterCalls' Cockpit configuration: replaces the webapp's empty default.
export default {
  customScripts: ['scripts/clustercalls/path-taken.js', 'scripts/clustercalls/eligibility-decision.js']
};
