/*
 * The submit page's forms: "Share a case study" and "Tell us you tried this".
 *
 * Each form keeps its answers in this browser as they are typed (a draft, restored
 * after a reload or a closed tab, until "Clear my answers"), checks them with the
 * rules the build wrote into the page (#hub-submit-rules: the contract's limits and
 * sections, and the same safety rule set the validator reads, applied by rules.js),
 * and only when every check passes shows a preview of the page and the file, with
 * three ways to send it. Nothing leaves the browser until the person chooses one.
 * The file has the shape scripts/new_case_study.py and new_adoption.py write; the
 * browser tests run it through scripts/validate.py.
 *
 * Progressive enhancement: without JavaScript the forms stay hidden and the page
 * explains the other ways to contribute.
 */
(function () {
  "use strict";

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];
  var OUTCOME = ["measure", "unit", "baseline", "result", "period", "source"];
  var URL_PATTERN = /^https?:\/\/[^\s\/]+\.[^\s]+$/;
  var NUMBER = /^-?[0-9][0-9,]*(?:\.[0-9]+)?$/;
  var PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/;
  var PLAIN_YAML = /^[A-Za-z][A-Za-z0-9 '&-]*[A-Za-z0-9]$/;
  var YAML_WORDS = ["yes", "no", "on", "off", "true", "false", "null", "y", "n"];
  // Pasted bullets (Word, Google Docs, email) and "1)" numbering, which Markdown does not read as lists.
  var PASTED_BULLET = /^[ \t]*[\u2022\u25e6\u25aa\u2023\u00b7\u25cf\u25cb\u25a0\u2013][ \t]+/;
  var PASTED_NUMBER = /^[ \t]*([0-9]+)\)[ \t]+/;
  var LIST_ITEM = /^(?:[*+-]|[0-9]+\.)[ \t]+/;
  // GitHub refuses addresses much longer than this; a longer file is pasted or attached instead.
  var LINK_LIMIT = 8000;

  Array.prototype.forEach.call(document.querySelectorAll("[data-hub-submit]"), function (root) {
    if (root.hasAttribute("data-hub-ready")) return; // the script is on the page once per form
    root.setAttribute("data-hub-ready", "");
    start(root);
  });

  function start(root) {
    function part(name) { return root.querySelector('[data-hub-part="' + name + '"]'); }

    var RULES = JSON.parse(part("rules").textContent);
    var SAFETY = window.HubRules.compile(RULES.safety);
    var KIND = RULES.kind;
    var WHAT = KIND === "case-study" ? "case study" : "note";
    var STORAGE_KEY = "hub-draft:" + KIND;
    var EMAIL = new RegExp(RULES.patterns.email);
    var VOICE = RULES.patterns.voice.map(function (p) { return new RegExp(p.pattern, p.flags); });
    var SECTIONS = RULES.sections.map(function (s) { return s.id; });
    var form = root.querySelector("form");
    var summaryBox = part("summary");
    var result = part("result");
    var output = part("output");
    var statusLine = part("status");
    var personBox = part("person");
    var draftStatus = part("draft-status");
    var outcomeList = part("outcome-list");
    var outcomeTemplate = part("outcome-template");
    var submitted = false;
    var file = { name: "", text: "" };

    root.querySelector("[data-hub-nojs]").hidden = true;
    form.hidden = false;

    // --- Reading the answers ----------------------------------------------------

    function control(box) { return box.querySelector("input, textarea, select"); }

    function valueOf(el) { return el ? el.value.replace(/\r\n?/g, "\n").trim() : ""; }

    function value(name) { return valueOf(form.querySelector('[name="' + name + '"]:not([data-outcome] *)')); }

    function checked(name) {
      return Array.prototype.slice
        .call(form.querySelectorAll('input[name="' + name + '"]:checked'))
        .map(function (el) { return el.value; });
    }

    function nameOf(box) { return box.getAttribute("data-field"); }

    function label(box) {
      var caption = box.querySelector("legend") || box.querySelector("label");
      return caption.textContent.replace(/\s*\(optional\)$/, "");
    }

    function account() { return checked("account")[0] || "team"; }

    function rows() { return Array.prototype.slice.call(outcomeList.querySelectorAll("[data-outcome]")); }

    function allowedEmails() {
      var allowed = [RULES.programmeTeam.email.toLowerCase()];
      if (checked("contact")[0] === "person" && value("contact-email")) allowed.push(value("contact-email").toLowerCase());
      return allowed;
    }

    // --- Checks: each returns { errors: [...], warnings: [...] } --------------------

    function verdict(errors, warnings) { return { errors: errors || [], warnings: warnings || [] }; }

    function answerKind(name) {
      if (RULES.plain.indexOf(name) !== -1) return "plain";
      return SECTIONS.indexOf(name) !== -1 ? "markdown" : "text";
    }

    // The shared safety rules on one answer, as the validator applies them to the file.
    function safety(box, text) {
      var findings = window.HubRules.scanAnswer(SAFETY, answerKind(nameOf(box)), text, allowedEmails(),
        RULES.allowedDomains);
      var words = function (f) { return window.HubRules.formMessage(SAFETY, f, label(box)); };
      return verdict(
        unique(findings.filter(function (f) { return f.severity === "error"; }).map(words)),
        unique(findings.filter(function (f) { return f.severity === "warning"; }).map(words)));
    }

    function unique(items) {
      return items.filter(function (item, index) { return items.indexOf(item) === index; });
    }

    function speaksAsOrganisation(text) {
      return VOICE.some(function (pattern) { return pattern.test(text); });
    }

    function checkBox(box) {
      var name = nameOf(box);
      var required = box.getAttribute("data-required") === "true";
      if (name === "outcomes") return verdict();
      if (box.tagName === "FIELDSET") return verdict(checkChoices(box, name, required));
      var text = valueOf(control(box));
      if (!text && name === "case-study") return verdict(["Choose the case study you tried"]);
      if (!text) return verdict(required ? ["Enter " + label(box).toLowerCase()] : []);
      if (SECTIONS.indexOf(name) !== -1) text = tidy(text).text;
      var limit = Number(control(box).getAttribute("data-limit") || 0);
      var errors = [];
      if (limit && text.length > limit) errors.push(label(box) + " must be " + limit + " characters or fewer (it has " + text.length + ")");
      var format = checkFormat(box, name, text);
      if (format) errors.push(format);
      var found = safety(box, text);
      return verdict(errors.concat(found.errors), found.warnings);
    }

    function checkChoices(box, name, required) {
      if (name === "contact") {
        var message = checkContact();
        return message ? [message] : [];
      }
      var picked = checked(name);
      if (name === "checks") {
        var done = KIND === "case-study" ? "create the file" : "make the note";
        return picked.length === RULES.consent.length ? [] : ["Tick all " + RULES.consent.length + " boxes before you " + done];
      }
      return required && picked.length === 0 ? ["Choose at least one: " + label(box).toLowerCase()] : [];
    }

    function checkFormat(box, name, text) {
      if (name === "summary" && text.indexOf("\n") !== -1) return "Summary must be one paragraph, without line breaks";
      if (name === "started" || name === "ended") return checkPeriod(box, name, text);
      if (name === "case-study" && !RULES.caseStudies.some(function (c) { return c.stem === text; })) {
        return "Choose the case study you tried";
      }
      if ((name === "title" || name === "summary") && account() === "compiled" && speaksAsOrganisation(text)) {
        return label(box) + " speaks as the organisation (\u201cwe\u201d, \u201cour\u201d), but you chose Compiled by the hub: write it in the third person";
      }
      if (SECTIONS.indexOf(name) !== -1) return checkHeadings(box, text);
      if (name === "sources" || name === "outcome-source") {
        var bad = text.split("\n").map(function (s) { return s.trim(); })
          .filter(function (s) { return s && !URL_PATTERN.test(s); });
        if (bad.length) return "'" + bad[0] + "' is not a web address starting with https://";
      }
      if ((name === "outcome-baseline" || name === "outcome-result") && !NUMBER.test(text)) {
        return "Enter " + label(box).toLowerCase() + " as a number, like 35 or 12.5, and put the unit in Unit";
      }
      return "";
    }

    // Level-1 and level-2 headings belong to the page; a compiled account's sub-headings do not say "we".
    function checkHeadings(box, text) {
      var fence = false;
      var lines = text.split("\n");
      for (var i = 0; i < lines.length; i++) {
        if (/^[ \t]{0,3}(`{3,}|~{3,})/.test(lines[i])) fence = !fence;
        var heading = !fence && /^(#{1,6})[ \t]*(.*?)[ \t]*#*[ \t]*$/.exec(lines[i]);
        if (!heading) continue;
        if (heading[1].length <= 2) {
          return label(box) + ": '" + lines[i].trim() + "' would start a new section of the page. Use ### for a sub-heading";
        }
        if (account() === "compiled" && speaksAsOrganisation(heading[2])) {
          return label(box) + ": the sub-heading '" + heading[2] + "' speaks as the organisation, but you chose Compiled by the hub: write it in the third person";
        }
      }
      return "";
    }

    // When the work started and ended: a year or a year and month, not in the future, ended not before started.
    function monthOf(text) {
      var m = PERIOD.exec(text);
      return m ? Number(m[1]) * 12 + (m[2] ? Number(m[2]) - 1 : 0) : null;
    }

    function checkPeriod(box, name, text) {
      var when = monthOf(text);
      var now = new Date();
      if (when === null) return label(box) + " must be a year, like 2019, or a year and month, like 2019-04";
      if (when > now.getFullYear() * 12 + now.getMonth()) return label(box) + " cannot be in the future";
      if (name === "ended") {
        var start = monthOf(value("started"));
        if (start !== null && Math.floor(when / 12) * 12 + (text.length > 4 ? when % 12 : 11) < start) {
          return label(box) + " cannot be before " + label(form.querySelector('[data-field="started"]')).toLowerCase();
        }
      }
      return "";
    }

    function checkStopped() {
      if (checked("status")[0] === "stopped" && !value("ended")) return "The work has stopped: enter when it stopped";
      if (value("ended") && checked("status")[0] && checked("status")[0] !== "stopped") {
        return "You entered when it stopped: choose the status Stopped, or clear that date";
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

    // --- Showing problems -------------------------------------------------------

    function direct(box, selector) {
      return Array.prototype.filter.call(box.children, function (child) { return child.matches(selector); })[0];
    }

    function show(box, found) {
      var slot = direct(box, ".hub-error-message");
      var warning = direct(box, ".hub-warning-message");
      var message = found.errors.join(" ");
      slot.textContent = message ? "Error: " + message : "";
      slot.hidden = !message;
      if (warning) {
        warning.textContent = found.warnings.length ? "Warning: " + found.warnings.join(" ") : "";
        warning.hidden = !found.warnings.length;
      }
      box.classList.toggle("hub-field--error", !!message);
      Array.prototype.forEach.call(box.querySelectorAll("input[type=text], textarea, select"), function (el) {
        if (message && (el.closest("[data-field]") === box || nameOf(box) === "contact")) el.setAttribute("aria-invalid", "true");
        else if (el.closest("[data-field]") === box || nameOf(box) === "contact") el.removeAttribute("aria-invalid");
      });
    }

    // Every box that is checked on its own: contact details are checked with their fieldset.
    function boxes() {
      return Array.prototype.filter.call(form.querySelectorAll("[data-field]"), function (box) {
        return nameOf(box).indexOf("contact-") !== 0;
      });
    }

    function checkOne(box) {
      var found = checkBox(box);
      if (nameOf(box) === "ended" && !found.errors.length) {
        var stopped = checkStopped();
        if (stopped) found.errors.push(stopped);
      }
      return found;
    }

    function validate() {
      var problems = [];
      var warnings = [];
      boxes().forEach(function (box) {
        var found = checkOne(box);
        show(box, found);
        found.errors.forEach(function (message) { problems.push({ box: box, message: message }); });
        found.warnings.forEach(function (message) { warnings.push(message); });
      });
      return { problems: problems, warnings: warnings };
    }

    function target(box) {
      if (nameOf(box) === "contact" && checked("contact")[0] === "person") {
        if (!value("contact-name")) return form.elements["contact-name"];
        if (!value("contact-role")) return form.elements["contact-role"];
        return form.elements["contact-email"];
      }
      return control(box);
    }

    function showSummary(problems) {
      var list = summaryBox.querySelector("ul");
      list.textContent = "";
      problems.forEach(function (problem) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        var field = target(problem.box);
        link.href = "#" + field.id;
        link.textContent = problem.message;
        link.addEventListener("click", function (event) {
          event.preventDefault();
          field.focus();
        });
        item.appendChild(link);
        list.appendChild(item);
      });
      summaryBox.hidden = problems.length === 0;
      if (problems.length) summaryBox.focus();
    }

    // --- Measured outcomes --------------------------------------------------------

    function renumber() {
      rows().forEach(function (row, index) {
        var n = String(index + 1);
        Array.prototype.forEach.call(row.querySelectorAll('[data-hub-part="outcome-number"]'), function (el) { el.textContent = n; });
        Array.prototype.forEach.call(row.querySelectorAll("[id], [for], [aria-describedby]"), function (el) {
          ["id", "for", "aria-describedby"].forEach(function (name) {
            var v = el.getAttribute(name);
            if (v) el.setAttribute(name, v.replace(/-outcome-(?:N|[0-9]+)-/g, "-outcome-" + n + "-"));
          });
        });
      });
    }

    function addOutcome(values) {
      var row = outcomeTemplate.content.firstElementChild.cloneNode(true);
      outcomeList.appendChild(row);
      renumber();
      OUTCOME.forEach(function (name) {
        row.querySelector('[name="outcome-' + name + '"]').value = (values && values[name]) || "";
      });
      return row;
    }

    part("add-outcome").addEventListener("click", function () {
      addOutcome().querySelector("input").focus();
      save();
    });

    outcomeList.addEventListener("click", function (event) {
      var button = event.target.closest('[data-hub-part="remove-outcome"]');
      if (!button) return;
      button.closest("[data-outcome]").remove();
      renumber();
      part("add-outcome").focus();
      save();
    });

    function outcomes() {
      return rows().map(function (row) {
        var values = {};
        OUTCOME.forEach(function (name) { values[name] = valueOf(row.querySelector('[name="outcome-' + name + '"]')); });
        return values;
      });
    }

    // --- The draft: kept in this browser only -------------------------------------

    function storage(action) {
      try {
        return action(window.localStorage);
      } catch (error) {
        draftStatus.textContent = "This browser is not keeping your answers, so finish in one go, or copy your longer answers somewhere safe.";
        return null;
      }
    }

    function collect() {
      var values = {};
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!el.name || el.closest("[data-outcome]") || el.tagName === "BUTTON") return;
        if (el.type === "checkbox") {
          values[el.name] = values[el.name] || [];
          if (el.checked) values[el.name].push(el.value);
        } else if (el.type === "radio") {
          if (el.checked) values[el.name] = el.value;
        } else {
          values[el.name] = el.value;
        }
      });
      return { version: 1, saved: new Date().toISOString(), values: values, outcomes: outcomes() };
    }

    function save() {
      storage(function (store) { store.setItem(STORAGE_KEY, JSON.stringify(collect())); });
    }

    function restore() {
      var saved = storage(function (store) { return store.getItem(STORAGE_KEY); });
      var draft;
      try {
        draft = saved ? JSON.parse(saved) : null;
      } catch (error) {
        draft = null;
      }
      if (!draft || draft.version !== 1) return;
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!el.name || el.closest("[data-outcome]") || !Object.prototype.hasOwnProperty.call(draft.values, el.name)) return;
        var v = draft.values[el.name];
        if (el.type === "checkbox") el.checked = v.indexOf(el.value) !== -1;
        else if (el.type === "radio") el.checked = v === el.value;
        else if (el.tagName !== "BUTTON") el.value = v;
      });
      (draft.outcomes || []).forEach(addOutcome);
      personBox.hidden = checked("contact")[0] !== "person";
      Array.prototype.forEach.call(form.querySelectorAll("textarea[data-limit]"), count);
      var when = new Date(draft.saved);
      draftStatus.textContent = "Your answers from " + formatDate(when) + " at " + pad(when.getHours()) + ":" +
        pad(when.getMinutes()) + " are back. They are kept in this browser only.";
    }

    function clear() {
      storage(function (store) { store.removeItem(STORAGE_KEY); });
      form.reset();
      rows().forEach(function (row) { row.remove(); });
      personBox.hidden = true;
      submitted = false;
      boxes().forEach(function (box) { show(box, verdict()); });
      summaryBox.hidden = true;
      leaveResult();
      Array.prototype.forEach.call(form.querySelectorAll("textarea[data-limit]"), count);
      draftStatus.textContent = "Your answers have been cleared from this browser.";
    }

    part("clear").addEventListener("click", clear);

    // --- The file -----------------------------------------------------------------

    function scalar(text) {
      if (PLAIN_YAML.test(text) && YAML_WORDS.indexOf(text.toLowerCase()) === -1 && text.indexOf(": ") === -1 && text.indexOf(" #") === -1) {
        return text;
      }
      return JSON.stringify(text);
    }

    function list(values) { return "[" + values.map(scalar).join(", ") + "]"; }

    function pad(n) { return (n < 10 ? "0" : "") + n; }

    function isoDate(day) { return day.getFullYear() + "-" + pad(day.getMonth() + 1) + "-" + pad(day.getDate()); }

    function formatDate(day) { return day.getDate() + " " + MONTHS[day.getMonth()] + " " + day.getFullYear(); }

    function oneYearLater(day) {
      var next = new Date(day.getFullYear() + 1, day.getMonth(), day.getDate());
      if (next.getMonth() !== day.getMonth()) next.setDate(0); // 29 February -> 28 February
      return next;
    }

    function slugify(text) {
      var words = text.toLowerCase().replace(/'/g, "").match(/[a-z0-9]+/g);
      return words ? words.join("-") : "my-" + (KIND === "case-study" ? "case-study" : "note");
    }

    function oneLine(text) { return text.replace(/\s+/g, " "); }

    // Pasted bullets become a Markdown list, with the blank line before it that Markdown needs.
    function tidy(text) {
      var out = [];
      var changed = 0;
      var fence = false;
      text.split("\n").forEach(function (line) {
        if (/^[ \t]{0,3}(`{3,}|~{3,})/.test(line)) fence = !fence;
        if (!fence && PASTED_BULLET.test(line)) { line = line.replace(PASTED_BULLET, "- "); changed++; }
        if (!fence && PASTED_NUMBER.test(line)) { line = line.replace(PASTED_NUMBER, "$1. "); changed++; }
        var previous = out.length ? out[out.length - 1] : "";
        if (!fence && LIST_ITEM.test(line) && previous.trim() && !LIST_ITEM.test(previous) && !/^ {4}/.test(previous)) {
          out.push("");
          changed++;
        }
        out.push(line);
      });
      return { text: out.join("\n"), changed: changed };
    }

    function sectionHeading(section) { return account() === "compiled" ? section.compiled : section.heading; }

    function frontMatter(today) {
      var lines = ["---"];
      if (KIND === "case-study") {
        lines.push("title: " + scalar(oneLine(value("title"))), "summary: " + scalar(oneLine(value("summary"))),
          "organisation: " + scalar(oneLine(value("organisation"))), "boroughs: " + list(checked("boroughs")),
          "themes: " + list(checked("themes")));
        if (checked("settings").length) lines.push("settings: " + list(checked("settings")));
        lines.push("started: " + JSON.stringify(value("started")));
        if (value("ended")) lines.push("ended: " + JSON.stringify(value("ended")));
        lines.push("published: " + isoDate(today), "review_due: " + isoDate(oneYearLater(today)));
        lines.push("status: " + scalar(checked("status")[0]), "status_checked: " + isoDate(today));
        lines.push("account: " + scalar(account()), "evidence: " + scalar(checked("evidence")[0]));
      } else {
        lines.push("case_study: " + scalar(value("case-study")), "organisation: " + scalar(oneLine(value("organisation"))),
          "boroughs: " + list(checked("boroughs")), "started: " + JSON.stringify(value("started")));
        if (value("ended")) lines.push("ended: " + JSON.stringify(value("ended")));
        lines.push("status: " + scalar(checked("status")[0]), "status_checked: " + isoDate(today),
          "account: " + scalar(account()), "published: " + isoDate(today), "review_due: " + isoDate(oneYearLater(today)));
      }
      if (checked("contact")[0] === "person") {
        lines.push("contact:", "  name: " + scalar(oneLine(value("contact-name"))),
          "  role: " + scalar(oneLine(value("contact-role"))), "  email: " + scalar(value("contact-email")));
      } else {
        lines.push("contact: programme-team");
      }
      var measured = outcomes();
      if (measured.length) {
        lines.push("outcomes:");
        measured.forEach(function (o) {
          lines.push("  - measure: " + scalar(oneLine(o.measure)), "    unit: " + scalar(oneLine(o.unit)),
            "    baseline: " + o.baseline.replace(/,/g, ""), "    result: " + o.result.replace(/,/g, ""),
            "    period: " + scalar(oneLine(o.period)));
          if (o.source) lines.push("    source: " + scalar(o.source));
        });
      }
      var sources = value("sources").split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
      if (sources.length) {
        lines.push("sources:");
        sources.forEach(function (s) { lines.push("  - " + scalar(s)); });
      }
      lines.push("---", "");
      return lines;
    }

    function body() {
      var lines = [];
      var tidied = 0;
      RULES.sections.forEach(function (section) {
        var text = value(section.id);
        if (!text) return;
        var done = tidy(text);
        tidied += done.changed;
        lines.push("## " + sectionHeading(section), "", done.text, "");
      });
      return { text: lines.join("\n"), tidied: tidied };
    }

    function fileName() {
      if (KIND === "case-study") return slugify(value("title")) + ".md";
      return slugify((checked("boroughs")[0] || "") + " " + value("case-study")) + ".md";
    }

    // --- The preview: the page as it will be published -----------------------------

    function el(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    }

    function term(kind, id) { return RULES.terms[kind][id] || { name: id, description: "" }; }

    function names(kind, ids) { return ids.map(function (id) { return term(kind, id).name; }).join(", "); }

    function shown(period) {
      var m = PERIOD.exec(period);
      return m[2] ? MONTHS[Number(m[2]) - 1] + " " + m[1] : m[1];
    }

    function describeWhen(status) {
      var start = shown(value("started"));
      if (value("ended")) {
        var end = shown(value("ended"));
        return start === end ? start : start + " to " + end;
      }
      if (status === "not-known") return "Started " + start + " (not known if it continues)";
      return "Since " + start;
    }

    function badge(kind, id, css) {
      var wrap = el("span");
      wrap.appendChild(el("span", "hub-badge hub-badge--" + css + "-" + id, term(kind, id).name));
      wrap.appendChild(document.createTextNode(" "));
      wrap.appendChild(el("span", "hub-glance__hint", term(kind, id).description));
      return wrap;
    }

    function statusFacts(today) {
      var status = checked("status")[0];
      var wrap = badge("statuses", status, "status");
      if (status !== "stopped") {
        var when = el("span", "hub-glance__checked", status === "not-known" ? "Checked " : "Last confirmed ");
        when.appendChild(el("time", "", formatDate(today)));
        wrap.appendChild(document.createTextNode(" "));
        wrap.appendChild(when);
      }
      return wrap;
    }

    function contactLine() {
      var wrap = el("span");
      var person = checked("contact")[0] === "person";
      var who = person ? { name: value("contact-name"), role: value("contact-role"), email: value("contact-email") } : RULES.programmeTeam;
      wrap.appendChild(document.createTextNode(who.name + ", " + who.role));
      wrap.appendChild(el("br"));
      var mail = el("a", "", who.email);
      mail.href = "mailto:" + who.email;
      wrap.appendChild(mail);
      if (!person && RULES.programmeTeam.placeholder) {
        wrap.appendChild(document.createTextNode(" "));
        wrap.appendChild(el("span", "hub-note hub-placeholder-note", "This is a placeholder address: the programme has not yet set its own, so messages to it are not delivered."));
      }
      return wrap;
    }

    function facts(rows, className) {
      var dl = el("dl", className);
      rows.forEach(function (row) {
        var item = el("div");
        item.appendChild(el("dt", "", row[0]));
        var dd = el("dd");
        if (typeof row[1] === "string") dd.textContent = row[1];
        else dd.appendChild(row[1]);
        item.appendChild(dd);
        dl.appendChild(item);
      });
      return dl;
    }

    function withUnit(number, unit) {
      var n = Number(number.replace(/,/g, ""));
      var text = n.toLocaleString("en-GB", { maximumFractionDigits: 6 });
      return unit === "%" ? text + "%" : unit === "\u00a3" ? "\u00a3" + text : text + " " + unit;
    }

    function outcomeTable() {
      var wrap = el("div", "hub-outcomes");
      var table = el("table");
      table.appendChild(el("caption", "", "Outcomes, as reported by the source"));
      var head = el("tr");
      ["Measure", "Before", "After", "Period", "Source"].forEach(function (h) {
        var th = el("th", "", h);
        th.scope = "col";
        head.appendChild(th);
      });
      table.appendChild(el("thead")).appendChild(head);
      var tbody = table.appendChild(el("tbody"));
      outcomes().forEach(function (o) {
        var tr = el("tr");
        var th = el("th", "", o.measure);
        th.scope = "row";
        tr.appendChild(th);
        [withUnit(o.baseline, o.unit), withUnit(o.result, o.unit), o.period].forEach(function (t) { tr.appendChild(el("td", "", t)); });
        var source = el("td");
        if (o.source) {
          var a = el("a", "", "Source");
          a.href = o.source;
          source.appendChild(a);
        } else {
          source.appendChild(el("span", "", "\u2013"));
        }
        tr.appendChild(source);
        tbody.appendChild(tr);
      });
      wrap.appendChild(table);
      return wrap;
    }

    function sourceLabel(url) {
      try {
        var parsed = new URL(url);
        var last = decodeURIComponent(parsed.pathname.replace(/\/+$/, "").split("/").pop() || "");
        var host = parsed.host.replace(/^www\./, "");
        return last ? host + ": " + last : host;
      } catch (error) {
        return url;
      }
    }

    function sourceList(heading) {
      var sources = value("sources").split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
      if (!sources.length) return null;
      var section = el("div", "hub-sources");
      section.appendChild(heading);
      var ul = el("ul");
      sources.forEach(function (s) {
        var a = el("a", "", sourceLabel(s));
        a.href = s;
        ul.appendChild(el("li")).appendChild(a);
      });
      section.appendChild(ul);
      return section;
    }

    function markdown(text) { return window.HubRules.sanitise(SAFETY, window.HubMarkdown.render(text)); }

    function caseStudyPreview(page, today, bodyText) {
      var org = value("organisation");
      page.appendChild(el("h1", "", oneLine(value("title"))));
      page.appendChild(el("p", "hub-account hub-account--" + account(), account() === "compiled"
        ? "Compiled by the hub from the public sources listed at the end, and not reviewed by " + org + "."
        : "Written or approved by " + org + ", the team that did the work."));
      page.appendChild(el("p", "hub-lead", oneLine(value("summary"))));
      var areas = checked("boroughs");
      var ics = unique(areas.map(function (a) { return term("areas", a).ics; }).filter(Boolean));
      var rows = [["When", describeWhen(checked("status")[0])], ["Organisation", org],
        [areas.length === 1 ? "Area" : "Areas", names("areas", areas)]];
      if (ics.length) rows.push([ics.length === 1 ? "Integrated care system" : "Integrated care systems", names("ics", ics)]);
      rows.push([checked("themes").length > 1 ? "Themes" : "Theme", names("themes", checked("themes"))]);
      if (checked("settings").length) rows.push(["Setting", names("settings", checked("settings"))]);
      rows.push(["Status", statusFacts(today)], ["Evidence", badge("evidence", checked("evidence")[0], "evidence")],
        ["Contact", contactLine()], ["Published", formatDate(today)], ["Review due", formatDate(oneYearLater(today))]);
      var glance = el("div", "hub-glance");
      glance.appendChild(el("h2", "hub-glance__title", "At a glance"));
      glance.appendChild(facts(rows, "hub-glance__list"));
      if (outcomes().length) glance.appendChild(outcomeTable());
      page.appendChild(glance);
      page.appendChild(markdown(bodyText));
      var sources = sourceList(el("h2", "", "Sources and notes"));
      if (sources) page.appendChild(sources);
    }

    function notePreview(page, today, bodyText) {
      var adopted = RULES.caseStudies.filter(function (c) { return c.stem === value("case-study"); })[0];
      page.appendChild(el("p", "hub-hint", "On the page of \u201c" + adopted.title + "\u201d, under \u201cTried elsewhere\u201d:"));
      var note = el("div", "hub-adoption");
      note.appendChild(el("h3", "", value("organisation")));
      var rows = [["Where", names("areas", checked("boroughs"))], ["When", describeWhen(checked("status")[0])],
        ["Status", term("statuses", checked("status")[0]).name], ["Who wrote it", term("accounts", account()).name]];
      note.appendChild(facts(rows, "hub-adoption__facts"));
      // The note's sections sit under its heading on the case study's page: two levels down.
      note.appendChild(markdown(bodyText.replace(/^(#{1,4})(?=[ \t])/gm, "##$1")));
      if (outcomes().length) note.appendChild(outcomeTable());
      var sources = sourceList(el("h4", "", "Sources and notes"));
      if (sources) note.appendChild(sources);
      page.appendChild(note);
    }

    function renderPreview(today, built) {
      var box = part("preview");
      box.textContent = "";
      var page = el("div", "hub-preview__page");
      if (KIND === "case-study") caseStudyPreview(page, today, built.text);
      else notePreview(page, today, built.text);
      box.appendChild(page);
      var tidyNote = part("tidy");
      tidyNote.hidden = !built.tidied;
      tidyNote.textContent = built.tidied
        ? "Pasted bullets and numbering were turned into Markdown lists, with a blank line before each list. Check how they look."
        : "";
    }

    function showWarnings(warnings) {
      var boxOf = part("warnings");
      var ul = boxOf.querySelector("ul");
      ul.textContent = "";
      unique(warnings).forEach(function (w) { ul.appendChild(el("li", "", w)); });
      boxOf.hidden = warnings.length === 0;
    }

    // --- Routes ---------------------------------------------------------------------

    function fence(text) {
      var longest = (text.match(/`+/g) || []).reduce(function (n, run) { return Math.max(n, run.length); }, 0);
      return new Array(Math.max(3, longest + 1) + 1).join("`");
    }

    function title() {
      if (KIND === "case-study") return "Case study: " + oneLine(value("title"));
      var adopted = RULES.caseStudies.filter(function (c) { return c.stem === value("case-study"); })[0];
      return "Tried elsewhere: " + oneLine(value("organisation")) + " tried \u201c" + adopted.title + "\u201d";
    }

    function offerRoutes(path) {
      var github = root.getAttribute("data-new-file-url");
      var open = part("github");
      if (github && open) {
        var withFile = github + "?filename=" + encodeURIComponent(file.name) + "&value=" + encodeURIComponent(file.text);
        open.href = withFile.length <= LINK_LIMIT ? withFile : github + "?filename=" + encodeURIComponent(file.name);
        open.hidden = false;
        var hint = part("github-hint");
        hint.hidden = false;
        if (withFile.length > LINK_LIMIT) {
          hint.textContent = "Your file is too long for GitHub to fill in from a link. Copy the file first, then paste it into the page GitHub opens. Choose \u201cCommit changes\u201d, then \u201cPropose changes\u201d.";
        }
      }
      var issueUrl = root.getAttribute("data-issue-url");
      var issue = part("issue");
      if (issueUrl && issue) {
        var intro = "I made this " + WHAT + " with the form on the hub's submit page. Please review it and add it as `" + path + "`.\n\n";
        var marks = fence(file.text);
        var full = issueUrl + "?title=" + encodeURIComponent(title()) + "&body=" +
          encodeURIComponent(intro + marks + "markdown\n" + file.text + "\n" + marks + "\n");
        issue.href = full.length <= LINK_LIMIT ? full : issueUrl + "?title=" + encodeURIComponent(title()) + "&body=" +
          encodeURIComponent(intro + "The file is too long to put in a link: I have attached it below.\n");
        issue.hidden = false;
      }
      part("email").href = "mailto:" + RULES.programmeTeam.email + "?subject=" + encodeURIComponent(title()) +
        "&body=" + encodeURIComponent("The file " + file.name + " is attached.\n");
    }

    // Until every check passes, nothing can be sent: the routes go back to nowhere.
    function leaveResult() {
      result.hidden = true;
      form.hidden = false;
      ["github", "issue"].forEach(function (name) {
        var link = part(name);
        if (link) {
          link.href = "#";
          link.hidden = true;
        }
      });
      output.value = "";
      file = { name: "", text: "" };
    }

    // --- Events -------------------------------------------------------------------

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submitted = true;
      var checkedNow = validate();
      showSummary(checkedNow.problems);
      if (checkedNow.problems.length) return;
      var today = new Date();
      var built = body();
      file.text = frontMatter(today).join("\n") + "\n" + built.text;
      file.name = fileName();
      output.value = file.text;
      var path = RULES.folder + "/" + file.name;
      part("name").textContent = path;
      renderPreview(today, built);
      showWarnings(checkedNow.warnings);
      offerRoutes(path);
      statusLine.textContent = "";
      form.hidden = true;
      result.hidden = false;
      result.querySelector("[tabindex='-1']").focus();
    });

    // Live checks: once a field has been left, or after a first attempt, keep its message current.
    // Text is checked when the reader leaves a field they typed in; choices are checked
    // only after a first attempt, so messages never move the boxes they are ticking.
    function boxFor(target) {
      var box = target.closest("[data-field]");
      if (box && nameOf(box).indexOf("contact-") === 0) box = box.parentElement.closest("[data-field]");
      return box;
    }

    // A field that takes the focus while partly below the screen is brought wholly into view: browsers
    // leave a partly visible field where it is, with its lower edge (and what is typed there) hidden
    // (WCAG 2.4.11). "nearest" moves it no further than needed, clear of the sticky header.
    form.addEventListener("focusin", function (event) {
      if (!event.target.matches("input[type=text], textarea, select")) return;
      var box = event.target.getBoundingClientRect();
      if (box.bottom > window.innerHeight || box.top < 0) event.target.scrollIntoView({ block: "nearest" });
    });

    form.addEventListener("focusout", function (event) {
      var isText = event.target.matches("input[type=text], textarea, select");
      var box = boxFor(event.target);
      if (!isText || !box || !event.target.value) return;
      show(box, checkOne(box));
    });

    function count(field) {
      var limit = field.getAttribute("data-limit");
      var counter = document.getElementById(field.id + "-count");
      if (!limit || !counter) return;
      var left = Number(limit) - field.value.trim().length;
      counter.textContent = left >= 0 ? "You have " + left + " characters remaining" : "You have " + -left + " characters too many";
    }

    form.addEventListener("input", function (event) {
      save();
      var box = boxFor(event.target);
      if (!box) return;
      if (submitted || box.classList.contains("hub-field--error")) show(box, checkOne(box));
      count(event.target);
    });

    form.addEventListener("change", function (event) {
      save();
      if (event.target.name === "contact") personBox.hidden = event.target.value !== "person";
      var box = boxFor(event.target);
      if (box && submitted) show(box, checkOne(box));
    });

    part("download").addEventListener("click", function () {
      var blob = new Blob([file.text], { type: "text/markdown;charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = file.name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      statusLine.textContent = "Downloaded " + file.name + ".";
    });

    part("copy").addEventListener("click", function () {
      function done() { statusLine.textContent = "Copied the file. Paste it into a new file named " + file.name + "."; }
      function fallback() {
        output.focus();
        output.select();
        var ok = document.execCommand && document.execCommand("copy");
        statusLine.textContent = ok ? "Copied the file." : "Select the text in the box below and copy it.";
      }
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(file.text).then(done, fallback);
      else fallback();
    });

    part("edit").addEventListener("click", function () {
      leaveResult();
      control(boxes()[0]).focus();
    });

    restore();
  }
})();
