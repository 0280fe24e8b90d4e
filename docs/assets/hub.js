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
