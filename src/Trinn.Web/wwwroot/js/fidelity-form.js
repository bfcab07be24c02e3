// Live branching for questionnaire forms (progressive enhancement): the server decides what is shown.
// Without JavaScript the server applies the same branching when the form is submitted.
(function () {
  var form = document.querySelector('form[data-questionnaire][data-branching]');
  if (!form || !window.fetch || !window.FormData) { return; }
  var pending = null;

  function apply(visible) {
    var shown = {};
    visible.forEach(function (id) { shown[id] = true; });
    form.querySelectorAll('[data-item]').forEach(function (el) {
      el.hidden = !shown[el.getAttribute('data-item')];
    });
    form.querySelectorAll('[data-item-section]').forEach(function (el) {
      el.hidden = !shown[el.getAttribute('data-item-section')];
    });
  }

  function refresh() {
    if (pending) { pending.abort(); }
    pending = new AbortController();
    var url = new URL(form.getAttribute('action') || window.location.href, window.location.href);
    url.searchParams.set('handler', 'Visibility');
    fetch(url.toString(), { method: 'POST', body: new FormData(form), credentials: 'same-origin', signal: pending.signal })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data && data.visible) { apply(data.visible); } })
      .catch(function () { /* offline or aborted: the server applies branching on submit */ });
  }

  form.addEventListener('change', refresh);
})();
