/*
 * Small keyboard fixes for Material's controls.
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
