// Progressive enhancement only: every page works without JavaScript.
(function () {
  var summary = document.querySelector('[data-error-summary]');
  if (summary) { summary.focus(); }
})();
