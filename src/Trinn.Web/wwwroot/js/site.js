// Progressive enhancement only: every page works without JavaScript.
(function () {
  var summary = document.querySelector('[data-error-summary]');
  if (summary) { summary.focus(); }

  // Header menus are <details> (they open and close without script). With script they also behave like Aksel's
  // Dropdown: one open at a time, Escape closes and returns focus to the button, a click or focus elsewhere closes.
  var menus = Array.prototype.slice.call(document.querySelectorAll('details[data-menu]'));
  function closeAll(except) {
    menus.forEach(function (m) { if (m !== except) { m.open = false; } });
  }
  menus.forEach(function (menu) {
    menu.addEventListener('toggle', function () { if (menu.open) { closeAll(menu); } });
    menu.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && menu.open) {
        menu.open = false;
        menu.querySelector('summary').focus();
        e.preventDefault();
      }
    });
  });
  document.addEventListener('click', function (e) {
    menus.forEach(function (m) { if (m.open && !m.contains(e.target)) { m.open = false; } });
  });
  document.addEventListener('focusin', function (e) {
    menus.forEach(function (m) { if (m.open && !m.contains(e.target)) { m.open = false; } });
  });
})();
