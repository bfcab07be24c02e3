// "Kopier" buttons for the APA sentences: progressive enhancement. Without JavaScript the buttons stay hidden and
// the sentence is ordinary selectable text.
(function () {
  if (!navigator.clipboard) { return; }
  document.querySelectorAll('button[data-copy-target]').forEach(function (button) {
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', function () {
      var target = document.getElementById(button.getAttribute('data-copy-target'));
      if (!target) { return; }
      navigator.clipboard.writeText(target.textContent.trim()).then(function () {
        button.textContent = button.getAttribute('data-copied-text') || label;
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  });
})();
