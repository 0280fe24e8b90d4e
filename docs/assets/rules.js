/*
 * The hub's safety rules in the browser: the second engine of one rule set.
 *
 * The rules themselves (patterns, limits, the markup allow-list, the words) are
 * hooks/hub/data/safety.yml, which the build writes into the page as JSON; the
 * validator (hooks/hub/content/safety.py, markup.py) reads the same file. This
 * file only applies them, the way the validator does: NHS numbers must pass the
 * modulus 11 check, phone numbers must be UK numbers, the contact's own address
 * is allowed, and Markdown is rendered (docs/assets/markdown.js) and then parsed
 * by the browser, inertly, before its elements, attributes and addresses are
 * checked. tests/browser/test_rule_parity.py runs both engines over one corpus.
 */
(function () {
  "use strict";

  if (window.HubRules) return;

  var PATTERN_ORDER = ["nhs-number", "phone", "email", "date-of-birth", "patient"];
  var BASE = "https://hub.invalid/"; // resolves site-relative addresses, which are always allowed
  // Elements without an end tag (as the validator's markup.VOID).
  var VOID = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen"];

  function compile(safety) {
    var markup = safety.markup;
    return {
      data: safety,
      patterns: PATTERN_ORDER.map(function (id) {
        var spec = safety.patterns[id];
        return { id: id, regex: new RegExp(spec.pattern, "g" + (spec.flags || "")), wording: spec };
      }),
      phone: safety.uk_phone,
      control: new RegExp(safety.control_characters.pattern, "g"),
      plain: new RegExp(safety.plain_text.pattern),
      markup: {
        elements: markup.elements,
        attributes: markup.attributes,
        classes: markup.classes,
        classPrefixes: markup.class_prefixes,
        urlAttributes: markup.url_attributes,
        schemes: markup.schemes,
        trim: new RegExp(markup.url_trim, "g"),
        remove: new RegExp(markup.url_remove, "g"),
        scheme: new RegExp(markup.url_scheme),
        active: markup.active,
        pageChanging: markup.page_changing,
        removeWithContent: markup.remove_with_content,
        fenceAttributes: new RegExp(markup.fence_attributes, "gm"),
        wordings: markup.messages
      }
    };
  }

  function finding(offset, rule, found, severity, element) {
    return { offset: offset, rule: rule, found: found, severity: severity || "error", element: element || "" };
  }

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  // --- Patient data and contact details ---------------------------------------

  // The NHS number modulus 11 check: weights 10..2, check digit 11 - (sum mod 11).
  function nhsNumberIsValid(digits) {
    if (digits.length !== 10 || /^(\d)\1*$/.test(digits)) return false;
    var total = 0;
    for (var i = 0; i < 9; i++) total += Number(digits.charAt(i)) * (10 - i);
    var check = 11 - (total % 11);
    if (check === 11) check = 0;
    return check !== 10 && check === Number(digits.charAt(9));
  }

  function isUkPhone(candidate, phone) {
    var digits = candidate.replace(/[^0-9]/g, "");
    if (candidate.replace(/^\(+/, "").charAt(0) === "+") {
      if (digits.indexOf(phone.country_code) !== 0) return false;
      digits = "0" + digits.slice(phone.country_code.length).replace(/^0/, "");
    }
    return digits.charAt(0) === "0" && phone.lengths.indexOf(digits.length) !== -1 &&
      phone.after_zero.indexOf(digits.charAt(1)) !== -1;
  }

  function findPatientData(rules, text, allowedEmails, allowedDomains) {
    var found = [];
    rules.patterns.forEach(function (rule) {
      rule.regex.lastIndex = 0;
      var match;
      while ((match = rule.regex.exec(text)) !== null) {
        var what = match[0];
        if (rule.id === "nhs-number" && !nhsNumberIsValid(match[1] + match[3] + match[4])) continue;
        if (rule.id === "phone") {
          if (what.indexOf("\n") !== -1 || !isUkPhone(what, rules.phone)) continue;
          what = what.trim();
        }
        if (rule.id === "email" && (allowedEmails.indexOf(what.toLowerCase()) !== -1 ||
            allowedDomains.indexOf(match[1].toLowerCase()) !== -1)) continue;
        found.push(finding(match.index, rule.id, what, rule.wording.severity));
      }
    });
    return found;
  }

  function findControlCharacters(rules, text) {
    var found = [];
    rules.control.lastIndex = 0;
    var match;
    while ((match = rules.control.exec(text)) !== null) {
      var code = match[0].charCodeAt(0).toString(16).toUpperCase();
      found.push(finding(match.index, "control-character", "U+" + "0000".slice(code.length) + code));
    }
    return found;
  }

  function findPlainMarkup(rules, text) {
    var match = rules.plain.exec(text);
    return match ? [finding(match.index, "plain-markup", match[0])] : [];
  }

  // --- Addresses ---------------------------------------------------------------

  function normaliseUrl(markup, value) {
    markup.trim.lastIndex = 0;
    markup.remove.lastIndex = 0;
    return value.replace(markup.trim, "").replace(markup.remove, "");
  }

  function isOffsiteRelative(markup, value) {
    return normaliseUrl(markup, value).replace(/\\/g, "/").indexOf("//") === 0;
  }

  // Why an address may not be used, as [rule, what to quote], or null if it may.
  function checkUrl(markup, value) {
    var url = normaliseUrl(markup, value);
    var scheme = markup.scheme.exec(url);
    if (scheme) {
      var name = scheme[1].toLowerCase();
      if (!own(markup.schemes, name)) return name === "http" ? ["insecure-link", value.trim()] : ["link-scheme", name];
      // The URL standard forbids spaces and % in a host; Chromium percent-encodes them instead of
      // refusing, so a host it had to encode is refused here, as the validator's parser refuses it.
      var parsed = null;
      try {
        parsed = new URL(url);
      } catch (error) {
        parsed = null;
      }
      if (!parsed || (/^(https?|ftp|wss?)$/.test(name) && (!parsed.hostname || parsed.hostname.indexOf("%") !== -1))) {
        return ["invalid-link", value.trim()];
      }
      return null;
    }
    if (isOffsiteRelative(markup, value)) return ["offsite-link", value.trim()];
    return null;
  }

  // --- Markup by allow-list ---------------------------------------------------

  function allowsClass(markup, tag, name) {
    if ((markup.classes[tag] || []).indexOf(name) !== -1) return true;
    return (markup.classPrefixes[tag] || []).some(function (prefix) {
      return name.indexOf(prefix) === 0 && /^[A-Za-z0-9_+#.-]+$/.test(name.slice(prefix.length));
    });
  }

  function elementRule(markup, tag) {
    if (markup.active.indexOf(tag) !== -1) return "active-element";
    return markup.pageChanging.indexOf(tag) !== -1 ? "page-element" : "element";
  }

  // Each start tag's element and attributes against the allow-list (the attributes of an element that is
  // not allowed go with it, as the validator reports them).
  function findMarkup(rules, html) {
    var markup = rules.markup;
    var found = [];
    window.HubMarkdown.tags(html).forEach(function (written) {
      if (written.closing) return;
      // Browsers read <image> as <img>: it is reported, and its attributes are checked as an image's.
      var tag = written.name === "image" ? { name: "img", attributes: written.attributes } : written;
      if (written.name === "image") found.push(finding(0, elementRule(markup, "image"), "image"));
      if (!own(markup.elements, tag.name)) {
        found.push(finding(0, elementRule(markup, tag.name), tag.name));
        return;
      }
      tag.attributes.forEach(function (pair) {
        var name = pair[0];
        var value = pair[1];
        if (name === "class" && (own(markup.classes, tag.name) || own(markup.classPrefixes, tag.name))) {
          value.split(/[\t\n\f\r ]+/).filter(Boolean).forEach(function (c) {
            if (!allowsClass(markup, tag.name, c)) found.push(finding(0, "class", c, "error", tag.name));
          });
        } else if (own(markup.attributes[tag.name] || {}, name)) {
          var problem = markup.urlAttributes[tag.name] === name ? checkUrl(markup, value) : null;
          if (problem) found.push(finding(0, problem[0], problem[1], "error", tag.name));
        } else {
          found.push(finding(0, name.indexOf("on") === 0 ? "event-attribute" : "attribute", name, "error", tag.name));
        }
      });
    });
    return found;
  }

  // Allowed elements left open, or closed without being opened (any other element is refused already):
  // an <a> left open would make a link of everything after it on the page.
  function findUnbalanced(markup, html) {
    var found = [];
    var open = [];
    window.HubMarkdown.tags(html).forEach(function (tag) {
      if (VOID.indexOf(tag.name) !== -1 || !own(markup.elements, tag.name)) return;
      if (!tag.closing) {
        if (!tag.selfClosing) open.push(tag.name);
      } else if (open.indexOf(tag.name) !== -1) {
        var top;
        while ((top = open.pop()) !== tag.name) found.push(finding(0, "unbalanced-element", top));
      } else {
        found.push(finding(0, "unbalanced-element", tag.name));
      }
    });
    return found.concat(open.reverse().map(function (name) { return finding(0, "unbalanced-element", name); }));
  }

  // A reference definition counts even when this text does not use it: on a page, another text (an
  // adoption note under its case study) can. Read as a link would read it.
  function findDefinitions(markup, text, already) {
    var found = [];
    window.HubMarkdown.definitions(text).forEach(function (address) {
      var decoded = window.HubMarkdown.decode(address).replace(/\\([!-\/:-@\[-`{-~])/g, "$1");
      var problem = checkUrl(markup, address) || checkUrl(markup, decoded);
      if (problem && !already.some(function (f) { return f.rule === problem[0] && f.found === problem[1]; })) {
        found.push(finding(0, problem[0], problem[1], "error", "a"));
      }
    });
    return found;
  }

  // A code fence's {...} would set attributes on the block: reported, and left out of what is rendered.
  function findFenceAttributes(markup, text) {
    var found = [];
    var match;
    markup.fenceAttributes.lastIndex = 0;
    while ((match = markup.fenceAttributes.exec(text)) !== null) {
      found.push(finding(match.index + match[0].length - match[1].length, "code-attributes", match[1]));
    }
    return found;
  }

  function withoutFenceAttributes(markup, text) {
    markup.fenceAttributes.lastIndex = 0;
    return text.replace(markup.fenceAttributes, function (whole, attributes) {
      return whole.slice(0, whole.length - attributes.length);
    });
  }

  function findMarkdownMarkup(rules, text) {
    var markup = rules.markup;
    var fenced = findFenceAttributes(markup, text);
    var source = fenced.length ? withoutFenceAttributes(markup, text) : text;
    var html = window.HubMarkdown.render(source);
    var found = findMarkup(rules, html).concat(findUnbalanced(markup, html));
    return fenced.concat(found, findDefinitions(markup, source, found));
  }

  // Parse checked HTML for showing: in a document with no window, where nothing runs or loads.
  function parseInert(html) {
    return new DOMParser().parseFromString("<!DOCTYPE html><body>" + html, "text/html").body;
  }

  // Each element and attribute of ``root`` against the allow-list, removing what is not allowed.
  function strip(markup, root) {
    Array.prototype.slice.call(root.childNodes).forEach(function (node) {
      if (node.nodeType !== 1) return;
      var tag = node.localName.toLowerCase();
      if (!own(markup.elements, tag)) {
        if (markup.removeWithContent.indexOf(tag) === -1) {
          strip(markup, node);
          node.replaceWith.apply(node, Array.prototype.slice.call(node.childNodes));
        } else {
          node.remove();
        }
        return;
      }
      Array.prototype.slice.call(node.attributes).forEach(function (attribute) {
        var name = attribute.name.toLowerCase();
        if (name === "class" && (own(markup.classes, tag) || own(markup.classPrefixes, tag))) {
          var kept = attribute.value.split(/\s+/).filter(function (c) { return c && allowsClass(markup, tag, c); });
          if (kept.length) node.setAttribute(attribute.name, kept.join(" "));
          else node.removeAttribute(attribute.name);
        } else if (!own(markup.attributes[tag] || {}, name) ||
            (markup.urlAttributes[tag] === name && checkUrl(markup, attribute.value))) {
          node.removeAttribute(attribute.name);
        }
      });
      strip(markup, node);
    });
  }

  // The HTML with only what the allow-list allows, as a fragment ready to show. Images become their alt
  // text: the page's Content-Security-Policy rightly refuses pictures from other sites.
  function sanitise(rules, html) {
    var body = parseInert(html);
    strip(rules.markup, body);
    Array.prototype.forEach.call(body.querySelectorAll("img"), function (img) {
      var note = body.ownerDocument.createElement("span");
      note.className = "hub-preview__image";
      note.textContent = "Image: " + (img.getAttribute("alt") || "(no description)");
      img.replaceWith(note);
    });
    // Only now, with nothing left that runs or loads, does it come into this page.
    var fragment = document.createDocumentFragment();
    Array.prototype.forEach.call(body.childNodes, function (node) { fragment.appendChild(document.importNode(node, true)); });
    return fragment;
  }

  // --- One answer -------------------------------------------------------------

  function byPlace(a, b) {
    var keys = ["offset", "rule", "found", "severity", "element"];
    for (var i = 0; i < keys.length; i++) {
      if (a[keys[i]] < b[keys[i]]) return -1;
      if (a[keys[i]] > b[keys[i]]) return 1;
    }
    return 0;
  }

  // Every finding in one answer: ``plain`` adds the plain-text rule, ``markdown`` the markup allow-list.
  function scanAnswer(rules, kind, text, allowedEmails, allowedDomains) {
    var found = findControlCharacters(rules, text).concat(
      findPatientData(rules, text, allowedEmails || [], allowedDomains || []));
    if (kind === "plain") found = found.concat(findPlainMarkup(rules, text));
    else if (kind === "markdown") found = found.concat(findMarkdownMarkup(rules, text));
    return found.sort(byPlace);
  }

  // What the form says about a finding, in plain words, naming the answer it is in.
  function formMessage(rules, found, label) {
    var wording = rules.data.patterns[found.rule] || rules.markup.wordings[found.rule] ||
      (found.rule === "control-character" ? rules.data.control_characters : rules.data.plain_text);
    var text = wording.form.replace("{found}", found.found).replace("{element}", found.element);
    return wording.form.indexOf("{label}") !== -1 ? text.replace("{label}", label) : label + ": " + text;
  }

  window.HubRules = {
    compile: compile,
    scanAnswer: scanAnswer,
    findMarkup: findMarkup,
    sanitise: sanitise,
    checkUrl: function (rules, value) { return checkUrl(rules.markup, value); },
    formMessage: formMessage,
    nhsNumberIsValid: nhsNumberIsValid,
    isUkPhone: isUkPhone
  };
})();
