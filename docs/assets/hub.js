/*
 * Small fixes for Material's controls.
 *
 * The colour-scheme toggle is a pair of radio buttons styled as one button.
 * Material switches on Enter; a button is also expected to work with Space,
 * which on a checked radio button does nothing. Space now switches too.
 */
(function () {
  "use strict";
  var palette = document.querySelector('[data-md-component="palette"]');
  if (!palette) return;
  palette.addEventListener("keydown", function (event) {
    if (event.key !== " " || !event.target.matches("input.md-option")) return;
    event.preventDefault();
    var options = palette.querySelectorAll("input.md-option");
    var at = Array.prototype.indexOf.call(options, event.target);
    var next = options[(at + 1) % options.length];
    next.click();
    next.focus();
  });
})();

/*
 * The drawer and search toggles are checkboxes, and browsers restore a
 * checkbox when someone goes back to a page: the drawer would be open again.
 * Material stopped that with autocomplete="off", which is not valid on a
 * checkbox (hooks/theme/base.html drops it), so they are closed here instead.
 * The change event tells Material's own scripts.
 */
(function () {
  "use strict";
  window.addEventListener("pageshow", function () {
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = document.getElementById(id);
      if (!toggle || !toggle.checked) return;
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    });
  });
})();

/*
 * The phone menu by keyboard. Material's menu button is a <label> for the
 * drawer's checkbox: a pointer can use it, a keyboard cannot reach it. It is
 * made a button here (focusable, named, saying whether the menu is open), and
 * Enter or Space opens the drawer with the focus on its first link; Escape
 * closes it and gives the focus back. While closed, the drawer is hidden from
 * the keyboard as well as from the eye (hub.css: visibility).
 */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('label.md-header__button[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;
  button.setAttribute("tabindex", "0");
  button.setAttribute("role", "button");
  button.setAttribute("aria-label", "Menu");
  function sync() {
    button.setAttribute("aria-expanded", String(toggle.checked));
  }
  sync();
  toggle.addEventListener("change", sync);
  function set(open) {
    if (toggle.checked === open) return;
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change"));
  }
  button.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    event.stopPropagation();  // Material's own Enter handler would click the label too, closing it again
    set(!toggle.checked);
    if (toggle.checked) {
      var first = drawer.querySelector("a[href], [tabindex='0']");
      // After the drawer becomes visible (its visibility changes with the checkbox).
      if (first) requestAnimationFrame(function () { first.focus(); });
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !toggle.checked) return;
    set(false);
    button.focus();
  });
})();
