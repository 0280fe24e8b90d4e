/*
 * "Submit a case study": checks the form and builds the case-study file in the
 * browser. Nothing is sent anywhere. The file has the same format as
 * scripts/new_case_study.py writes (hooks/hub/scaffold.py); a browser test
 * runs the result through the validator.
 *
 * Progressive enhancement: without JavaScript the form stays hidden and the
 * page explains the other ways to contribute.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-hub-submit]");
  if (!root) return;
  var form = root.querySelector("#hub-submit-form");
  var summaryBox = root.querySelector("#hub-error-summary");
  var result = root.querySelector("#hub-submit-result");
  var output = root.querySelector("#hub-submit-output");
  var statusLine = root.querySelector("#hub-result-status");
  var personBox = root.querySelector("#hub-contact-person");
  var submitted = false;
  var file = { name: "", text: "" };

  // The contract's rules, written into the page by the build (hooks/hub/pages/submitform.py):
  // limits, sections, consent and the validator's own patterns.
  var RULES = JSON.parse(root.querySelector("#hub-submit-rules").textContent);
  var MARKUP = new RegExp(RULES.patterns.markup);
  var EMAIL = new RegExp(RULES.patterns.email);
  var URL = /^https?:\/\/[^\s\/]+\.[^\s]+$/;
  var PLAIN = /^[A-Za-z][A-Za-z0-9 '&-]*[A-Za-z0-9]$/;
  var YAML_WORDS = ["yes", "no", "on", "off", "true", "false", "null", "y", "n"];

  root.querySelector("[data-hub-nojs]").hidden = true;
  form.hidden = false;

  function value(name) {
    var el = form.elements[name];
    return el ? el.value.replace(/\r\n?/g, "\n").trim() : "";
  }

  function checked(name) {
    return Array.prototype.slice
      .call(form.querySelectorAll('input[name="' + name + '"]:checked'))
      .map(function (el) { return el.value; });
  }

  function label(name) {
    var box = form.querySelector('[data-field="' + name + '"]');
    var caption = box.querySelector("legend") || box.querySelector("label");
    return caption.textContent.replace(/\s*\(optional\)$/, "");
  }

  function firstControl(name) {
    var box = form.querySelector('[data-field="' + name + '"]');
    return box.querySelector("input, textarea");
  }

  // Each check returns a message, or "" when the answer is fine.
  function checkField(name) {
    var box = form.querySelector('[data-field="' + name + '"]');
    var required = box.getAttribute("data-required") === "true";
    if (box.tagName === "FIELDSET") {
      if (name === "contact") return checkContact();
      var picked = checked(name);
      if (name === "checks") {
        return picked.length === RULES.consent.length ? "" : "Tick all " + RULES.consent.length + " boxes before you create the file";
      }
      if (required && picked.length === 0) return "Choose at least one: " + label(name).toLowerCase();
      return "";
    }
    var text = value(name);
    var limit = Number(firstControl(name).getAttribute("data-limit") || 0);
    if (!text) return required ? "Enter " + label(name).toLowerCase() : "";
    if (limit && text.length > limit) return label(name) + " must be " + limit + " characters or fewer (it has " + text.length + ")";
    if (name === "summary" && MARKUP.test(text)) return "Summary must be plain text, without HTML or Markdown formatting";
    if (name === "summary" && text.indexOf("\n") !== -1) return "Summary must be one paragraph, without line breaks";
    if (name === "started" || name === "ended") return checkPeriod(name, text);
    if (name === "sources") {
      var bad = text.split("\n").map(function (s) { return s.trim(); })
        .filter(function (s) { return s && !URL.test(s); });
      if (bad.length) return "'" + bad[0] + "' is not a web address starting with https://";
    }
    return "";
  }

  // When the work started and ended: a year or a year and month, not in the future, ended not before started.
  var PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/;
  function monthOf(text) {
    var m = PERIOD.exec(text);
    return m ? Number(m[1]) * 12 + (m[2] ? Number(m[2]) - 1 : 0) : null;
  }
  function checkPeriod(name, text) {
    var when = monthOf(text);
    var now = new Date();
    if (when === null) return label(name) + " must be a year, like 2019, or a year and month, like 2019-04";
    if (when > now.getFullYear() * 12 + now.getMonth()) return label(name) + " cannot be in the future";
    if (name === "ended") {
      var start = monthOf(value("started"));
      if (start !== null && Math.floor(when / 12) * 12 + (text.length > 4 ? when % 12 : 11) < start) {
        return "When the work stopped cannot be before it started";
      }
    }
    return "";
  }

  function checkStopped() {
    if (checked("status")[0] === "stopped" && !value("ended")) return "The work has stopped: enter when it stopped";
    if (value("ended") && checked("status")[0] && checked("status")[0] !== "stopped") {
      return "You entered when the work stopped: choose the status Stopped, or clear that date";
    }
    return "";
  }

  function checkContact() {
    if (checked("contact")[0] !== "person") return "";
    if (!value("contact-name")) return "Enter the contact's name, or choose the programme team";
    if (!value("contact-role")) return "Enter the contact's role";
    if (!EMAIL.test(value("contact-email"))) return "Enter the contact's work email address, like name@example.org";
    return "";
  }

  function show(name, message) {
    var box = form.querySelector('[data-field="' + name + '"]');
    var slot = box.querySelector(".hub-error-message");
    slot.textContent = message ? "Error: " + message : "";
    slot.hidden = !message;
    box.classList.toggle("hub-field--error", !!message);
    Array.prototype.forEach.call(box.querySelectorAll("input[type=text], textarea"), function (el) {
      if (message) el.setAttribute("aria-invalid", "true");
      else el.removeAttribute("aria-invalid");
    });
  }

  function fields() {
    return Array.prototype.map.call(form.querySelectorAll("[data-field]"), function (box) {
      return box.getAttribute("data-field");
    }).filter(function (name) { return name.indexOf("contact-") !== 0; });
  }

  function validate() {
    var problems = [];
    fields().forEach(function (name) {
      var message = checkField(name) || (name === "ended" ? checkStopped() : "");
      show(name, message);
      if (message) problems.push({ name: name, message: message });
    });
    return problems;
  }

  function showSummary(problems) {
    var list = summaryBox.querySelector("ul");
    list.innerHTML = "";
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      var target = problem.name === "contact" && checked("contact")[0] === "person"
        ? firstInvalidContact() : firstControl(problem.name);
      link.href = "#" + target.id;
      link.textContent = problem.message;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        target.focus();
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    summaryBox.hidden = problems.length === 0;
    if (problems.length) summaryBox.focus();
  }

  function firstInvalidContact() {
    if (!value("contact-name")) return form.elements["contact-name"];
    if (!value("contact-role")) return form.elements["contact-role"];
    return form.elements["contact-email"];
  }

  // --- The file -------------------------------------------------------------

  function scalar(text) {
    if (PLAIN.test(text) && YAML_WORDS.indexOf(text.toLowerCase()) === -1 && text.indexOf(": ") === -1 && text.indexOf(" #") === -1) {
      return text;
    }
    return JSON.stringify(text);
  }

  function list(values) {
    return "[" + values.map(scalar).join(", ") + "]";
  }

  function isoDate(day) {
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return day.getFullYear() + "-" + pad(day.getMonth() + 1) + "-" + pad(day.getDate());
  }

  function slugify(text) {
    var words = text.toLowerCase().replace(/'/g, "").match(/[a-z0-9]+/g);
    return words ? words.join("-") : "my-case-study";
  }

  function account() {
    return checked("account")[0] || "team";
  }

  function buildFile() {
    var today = new Date();
    var nextYear = new Date(today.getFullYear() + 1, today.getMonth(), today.getDate());
    if (nextYear.getMonth() !== today.getMonth()) nextYear.setDate(0); // 29 February -> 28 February
    var lines = [
      "---",
      "title: " + scalar(value("title").replace(/\s+/g, " ")),
      "summary: " + scalar(value("summary").replace(/\s+/g, " ")),
      "organisation: " + scalar(value("organisation").replace(/\s+/g, " ")),
      "boroughs: " + list(checked("boroughs")),
      "themes: " + list(checked("themes"))
    ];
    if (checked("settings").length) lines.push("settings: " + list(checked("settings")));
    lines.push("started: " + JSON.stringify(value("started")));
    if (value("ended")) lines.push("ended: " + JSON.stringify(value("ended")));
    lines.push("published: " + isoDate(today), "review_due: " + isoDate(nextYear));
    lines.push("status: " + scalar(checked("status")[0]), "status_checked: " + isoDate(today));
    lines.push("account: " + scalar(account()), "evidence: " + scalar(checked("evidence")[0]));
    if (checked("contact")[0] === "person") {
      lines.push(
        "contact:",
        "  name: " + scalar(value("contact-name")),
        "  role: " + scalar(value("contact-role")),
        "  email: " + scalar(value("contact-email"))
      );
    } else {
      lines.push("contact: programme-team");
    }
    var sources = value("sources").split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
    if (sources.length) {
      lines.push("sources:");
      sources.forEach(function (s) { lines.push("  - " + scalar(s)); });
    }
    lines.push("---", "");
    RULES.sections.forEach(function (section) {
      var text = value(section.id);
      if (text) lines.push("## " + (account() === "compiled" ? section.compiled : section.heading), "", text, "");
    });
    return lines.join("\n");
  }

  // --- Events ---------------------------------------------------------------

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    submitted = true;
    var problems = validate();
    showSummary(problems);
    if (problems.length) return;
    file.text = buildFile();
    file.name = slugify(value("title")) + ".md";
    output.value = file.text;
    root.querySelector("#hub-result-name").textContent = "case_studies/" + file.name;
    var github = root.getAttribute("data-new-file-url");
    var open = root.querySelector("#hub-open-github");
    if (github) {
      open.href = github + "?filename=" + encodeURIComponent(file.name) + "&value=" + encodeURIComponent(file.text);
      open.hidden = false;
      root.querySelector("#hub-github-hint").hidden = false;
    }
    statusLine.textContent = "";
    form.hidden = true;
    result.hidden = false;
    result.querySelector("#hub-result-title").focus();
  });

  // Live checks: once a field has been left, or after a first attempt, keep its message current.
  // Text is checked when the reader leaves a field they typed in; choices are checked
  // only after a first attempt, so messages never move the boxes they are ticking.
  form.addEventListener("focusout", function (event) {
    var isText = event.target.matches("input[type=text], textarea");
    var box = event.target.closest("[data-field]");
    if (!isText || !box || !event.target.value) return;
    var name = box.getAttribute("data-field");
    if (name.indexOf("contact-") === 0) name = "contact";
    show(name, checkField(name));
  });
  form.addEventListener("input", function (event) {
    var box = event.target.closest("[data-field]");
    if (!box) return;
    var name = box.getAttribute("data-field");
    if (name.indexOf("contact-") === 0) name = "contact";
    if (submitted || box.classList.contains("hub-field--error")) show(name, checkField(name));
    var limit = event.target.getAttribute("data-limit");
    var counter = document.getElementById(event.target.id + "-count");
    if (limit && counter) {
      var left = Number(limit) - event.target.value.trim().length;
      counter.textContent = left >= 0 ? "You have " + left + " characters remaining" : "You have " + -left + " characters too many";
    }
  });
  form.addEventListener("change", function (event) {
    if (event.target.name === "contact") personBox.hidden = event.target.value !== "person";
    var box = event.target.closest("[data-field]");
    if (box && submitted) show(box.getAttribute("data-field"), checkField(box.getAttribute("data-field")));
  });

  root.querySelector("#hub-download").addEventListener("click", function () {
    var blob = new Blob([file.text], { type: "text/markdown;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL_OBJECT.createObjectURL(blob);
    link.download = file.name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    statusLine.textContent = "Downloaded " + file.name + ".";
  });
  var URL_OBJECT = window.URL || window.webkitURL;

  root.querySelector("#hub-copy").addEventListener("click", function () {
    function done() { statusLine.textContent = "Copied the file. Paste it into a new file named " + file.name + "."; }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(file.text).then(done, fallback);
    } else {
      fallback();
    }
    function fallback() {
      output.focus();
      output.select();
      var ok = document.execCommand && document.execCommand("copy");
      statusLine.textContent = ok ? "Copied the file." : "Select the text in the box below and copy it.";
    }
  });

  root.querySelector("#hub-edit-again").addEventListener("click", function () {
    result.hidden = true;
    form.hidden = false;
    form.elements.title.focus();
  });
})();
