/*
 * Markdown to HTML in the browser, as the site's Python-Markdown writes it, for the
 * submit form's preview and its markup check (docs/assets/rules.js).
 *
 * It follows Python-Markdown where a contributor would see a difference: a list
 * needs a blank line before it (pasted bullets straight after a line of text stay
 * in that paragraph), nested lists are indented four spaces, a block that starts
 * with a block-level HTML tag is passed through untouched, and inline HTML tags and
 * character references are kept as written. Raw HTML is returned as written: the
 * caller parses the result inertly and checks it against the allow-list before
 * anything is shown. Supported: headings (# and underlined), paragraphs, line
 * breaks, lists, block quotes, fenced and indented code, tables, rules, emphasis,
 * inline code, links, images, reference links, autolinks and raw HTML.
 */
(function () {
  "use strict";

  if (window.HubMarkdown) return;

  // Python-Markdown's markdown.util.BLOCK_LEVEL_ELEMENTS: a block starting with one is raw HTML.
  var BLOCK_LEVEL = ("address article aside blockquote details div dl fieldset figcaption figure footer form " +
    "h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul canvas colgroup dd body dt " +
    "group html iframe li legend math map noscript output object option progress script style summary tbody " +
    "td textarea tfoot th thead tr video center").split(" ");
  var ESCAPABLE = "\\`*_{}[]()>#+-.!";
  var ENTITY = /^&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/;
  var HR = /^ {0,3}(?:(?:-[ ]{0,2}){3,}|(?:_[ ]{0,2}){3,}|(?:\*[ ]{0,2}){3,})$/;
  var UL_ITEM = /^ {0,3}[*+-][ ]+(.*)$/;
  var OL_ITEM = /^ {0,3}[0-9]+\.[ ]+(.*)$/;
  var HASH_HEADING = /^(#{1,6})[ \t]*(.*?)[ \t]*#*[ \t]*$/;
  var TABLE_SEPARATOR = /^ *\|? *:?-+:? *(?:\| *:?-+:? *)*\|? *$/;
  var REFERENCE = /^ {0,3}\[([^\[\]]*)\]:[ ]*\n?[ ]*(\S+)[ ]*(?:\n[ ]*)?(?:(["'])(.*)\3[ ]*|\((.*)\)[ ]*)?$/;
  var FENCE = /^(`{3,}|~{3,})[ ]*(?:\{[^}\n]*\}|\.?([\w#.+-]*))[ ]*\n([\s\S]*?)\n?\1[ ]*$/;
  var STASH = /\u0002(\d+)\u0003/g;

  // --- Reading HTML as browsers do, without building it ---------------------------
  //
  // The tags of some HTML by the HTML standard's tokeniser rules (tags, attributes, comments,
  // raw text), for finding where raw HTML ends and for the markup check
  // (rules.js). Not a DOM parser: a parsed element with an on* or style attribute is reported
  // to the Content-Security-Policy even when nothing runs. Attribute values are decoded by the
  // browser itself (a textarea's RCDATA, which makes no elements), so character references
  // mean what they mean to browsers.

  var WHITESPACE = /[\t\n\f ]/;
  var RAWTEXT = ["style", "xmp", "iframe", "noembed", "noframes"];
  var RCDATA = ["title", "textarea"];
  // HTML elements that end SVG or MathML content when they start inside it.
  var BREAKOUT = ("b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li " +
    "listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var").split(" ");
  var decoder = null;

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function decode(value) {
    if (value.indexOf("&") === -1) return value;
    decoder = decoder || document.createElement("textarea");
    decoder.innerHTML = value;
    return decoder.value;
  }

  // The tags of ``html``, in order: { name, closing, selfClosing, attributes: [[name, decoded value]], start, end }.
  function readTags(html) {
    var tags = [];
    var i = 0;
    var n = html.length;
    var foreign = 0;
    while (i < n) {
      var open = html.indexOf("<", i);
      if (open === -1) break;
      i = open;
      var next = html.charAt(i + 1);
      if (html.substr(i, 4) === "<!--") {
        var abrupt = /^<!---?>/.exec(html.slice(i, i + 6)); // <!--> and <!---> close at once
        var end = /--!?>/g;
        end.lastIndex = i + 4;
        var closed = abrupt ? null : end.exec(html);
        i = abrupt ? i + abrupt[0].length : (closed ? closed.index + closed[0].length : n);
      } else if (next === "!" || next === "?" || (next === "/" && !/[A-Za-z]/.test(html.charAt(i + 2)))) {
        if (foreign && html.substr(i, 9) === "<![CDATA[") {
          var cdata = html.indexOf("]]>", i);
          i = cdata === -1 ? n : cdata + 3;
        } else {
          var close = html.indexOf(">", i + 2);
          i = close === -1 ? n : close + 1;
        }
      } else if (/[A-Za-z]/.test(next) || (next === "/" && /[A-Za-z]/.test(html.charAt(i + 2)))) {
        var tag = readTag(html, i);
        if (!tag) break; // end of input inside a tag: browsers drop it
        i = tag.end;
        tags.push(tag);
        if (tag.closing) {
          if (foreign && (tag.name === "svg" || tag.name === "math")) foreign--;
          continue;
        }
        if (foreign && BREAKOUT.indexOf(tag.name) !== -1) foreign = 0;
        if ((tag.name === "svg" || tag.name === "math") && !tag.selfClosing) foreign++;
        if (foreign) continue;
        var raw = tag.name === "script" || tag.name === "plaintext" || RAWTEXT.indexOf(tag.name) !== -1 ||
          RCDATA.indexOf(tag.name) !== -1;
        if (raw) {
          if (tag.name === "plaintext") break;
          var ends = new RegExp("</" + tag.name + "(?=[\\t\\n\\f />])", "ig");
          ends.lastIndex = i;
          var found = ends.exec(html);
          i = found ? found.index : n;
        }
      } else {
        i++;
      }
    }
    return tags;
  }

  // One tag from ``<``: its name and attributes, where it ends, or null if the input ends inside it.
  function readTag(html, at) {
    var i = at + 1;
    var closing = html.charAt(i) === "/";
    if (closing) i++;
    var start = i;
    while (i < html.length && !WHITESPACE.test(html.charAt(i)) && html.charAt(i) !== "/" && html.charAt(i) !== ">") i++;
    var tag = { name: html.slice(start, i).toLowerCase(), attributes: [], closing: closing, selfClosing: false, start: at };
    var seen = {};
    for (;;) {
      while (i < html.length && (WHITESPACE.test(html.charAt(i)) || (html.charAt(i) === "/" && html.charAt(i + 1) !== ">"))) i++;
      if (i >= html.length) return null;
      if (html.charAt(i) === ">") break;
      if (html.charAt(i) === "/") { tag.selfClosing = true; i++; break; }
      var nameStart = i;
      i++; // the first character may be "=" (a parse error, but part of the name)
      while (i < html.length && !WHITESPACE.test(html.charAt(i)) && "/>=".indexOf(html.charAt(i)) === -1) i++;
      var name = html.slice(nameStart, i).toLowerCase();
      while (i < html.length && WHITESPACE.test(html.charAt(i))) i++;
      var value = "";
      if (html.charAt(i) === "=") {
        i++;
        while (i < html.length && WHITESPACE.test(html.charAt(i))) i++;
        var quote = html.charAt(i);
        if (quote === '"' || quote === "'") {
          var closeQuote = html.indexOf(quote, i + 1);
          if (closeQuote === -1) return null;
          value = html.slice(i + 1, closeQuote);
          i = closeQuote + 1;
        } else {
          var valueStart = i;
          while (i < html.length && !WHITESPACE.test(html.charAt(i)) && html.charAt(i) !== ">") i++;
          value = html.slice(valueStart, i);
        }
      }
      if (!own(seen, name)) {
        seen[name] = true;
        tag.attributes.push([name, decode(value)]);
      }
    }
    tag.end = i + (html.charAt(i) === ">" ? 1 : 0);
    return tag;
  }

  // --- Escaping --------------------------------------------------------------

  // "&" stays when it starts a character reference (Python-Markdown keeps those as written).
  function escapeText(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      if (c === "&") out += ENTITY.test(text.slice(i)) ? "&" : "&amp;";
      else if (c === "<") out += "&lt;";
      else if (c === ">") out += "&gt;";
      else out += c;
    }
    return out;
  }

  function escapeAttribute(text) {
    return escapeText(text).replace(/"/g, "&quot;");
  }

  function escapeAll(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // --- Document --------------------------------------------------------------

  function Renderer() {
    this.stash = [];
    this.escaped = {}; // stash index -> the character a backslash escaped
    this.references = {};
  }

  Renderer.prototype.keep = function (html) {
    this.stash.push(html);
    return "\u0002" + (this.stash.length - 1) + "\u0003";
  };

  Renderer.prototype.restore = function (text) {
    var self = this;
    for (var round = 0; round < 10 && STASH.test(text); round++) {
      STASH.lastIndex = 0;
      text = text.replace(STASH, function (_, index) { return self.stash[Number(index)]; });
    }
    return text;
  };

  Renderer.prototype.render = function (source) {
    var text = source.replace(/\r\n?/g, "\n").replace(/[\u0002\u0003]/g, "");
    text = text.split("\n").map(expandTabs).join("\n").replace(/^ +$/gm, "");
    text = this.extractFences(text);
    text = this.extractReferences(text);
    var blocks = text.split(/\n{2,}/).filter(function (b) { return b.trim() !== ""; });
    return this.restore(this.blocks(blocks, false).join("\n"));
  };

  function expandTabs(line) {
    var out = "";
    for (var i = 0; i < line.length; i++) {
      if (line.charAt(i) === "\t") out += "    ".slice(out.length % 4);
      else out += line.charAt(i);
    }
    return out;
  }

  // Fenced code anywhere (the fenced_code extension runs before the block parser).
  Renderer.prototype.extractFences = function (text) {
    var lines = text.split("\n");
    var out = [];
    for (var i = 0; i < lines.length; i++) {
      var open = /^(`{3,}|~{3,})/.exec(lines[i]);
      if (open) {
        for (var j = i + 1; j < lines.length; j++) {
          if (new RegExp("^" + open[1] + "[ ]*$").test(lines[j])) break;
        }
        if (j < lines.length) {
          var match = FENCE.exec(lines.slice(i, j + 1).join("\n"));
          if (match) {
            var language = match[2] ? ' class="language-' + escapeAttribute(match[2]) + '"' : "";
            out.push("", this.keep("<pre><code" + language + ">" + escapeAll(match[3] ? match[3] + "\n" : "") + "</code></pre>"), "");
            i = j;
            continue;
          }
        }
      }
      out.push(lines[i]);
    }
    return out.join("\n");
  };

  // Reference definitions ([id]: url "title") are taken out wherever they are.
  Renderer.prototype.extractReferences = function (text) {
    var self = this;
    return text.split(/\n{2,}/).map(function (block) {
      var lines = block.split("\n");
      var kept = [];
      for (var i = 0; i < lines.length; i++) {
        var two = lines[i] + (i + 1 < lines.length ? "\n" + lines[i + 1] : "");
        var match = REFERENCE.exec(lines[i]) || (/^ {0,3}\[[^\[\]]*\]:[ ]*$/.test(lines[i]) && REFERENCE.exec(two));
        if (match && !/^ {4}/.test(lines[i])) {
          var url = match[2].replace(/^<|>$/g, "");
          self.references[match[1].toLowerCase()] = { url: url, title: match[4] !== undefined ? match[4] : match[5] };
          if (match[0].indexOf("\n") !== -1) i++;
          continue;
        }
        kept.push(lines[i]);
      }
      return kept.join("\n");
    }).join("\n\n");
  };

  Renderer.prototype.blocks = function (blocks, tight) {
    var out = [];
    while (blocks.length) out.push(this.block(blocks, tight));
    return out.filter(Boolean);
  };

  // One block (or several, for raw HTML, code and lists that run on): its HTML.
  Renderer.prototype.block = function (blocks, tight) {
    var block = blocks.shift();
    var first = block.split("\n")[0];
    if (/^\u0002\d+\u0003$/.test(block.trim())) return block.trim();
    var raw = /^ {0,3}<(!--|([A-Za-z][A-Za-z0-9-]*))/.exec(block);
    if (raw && (raw[1] === "!--" || BLOCK_LEVEL.indexOf(raw[2].toLowerCase()) !== -1)) return this.rawBlock(block, raw, blocks);
    if (/^ {4}/.test(first)) return this.codeBlock(block, blocks);
    var lines = block.split("\n");
    if (lines.length > 1 && lines[0].indexOf("|") !== -1 && TABLE_SEPARATOR.test(lines[1])) return this.table(lines);
    for (var i = 0; i < lines.length; i++) {
      var heading = /^#/.test(lines[i]) && HASH_HEADING.exec(lines[i]);
      var rule = HR.test(lines[i]);
      var quote = /^ {0,3}>/.test(lines[i]);
      if (heading || rule || (quote && i > 0 && !/^ {0,3}>/.test(lines[0]))) {
        var rest = lines.slice(i + 1).join("\n");
        if (rest.trim()) blocks.unshift(rest);
        var before = i ? this.block([lines.slice(0, i).join("\n")], tight) + "\n" : "";
        if (heading) return before + "<h" + heading[1].length + ">" + this.inline(heading[2]) + "</h" + heading[1].length + ">";
        if (rule) return before + "<hr />";
        blocks.unshift(lines.slice(i).join("\n"));
        return before.replace(/\n$/, "");
      }
    }
    if (lines.length > 1 && /^(=+|-+)[ ]*$/.test(lines[1])) {
      var level = lines[1].charAt(0) === "=" ? 1 : 2;
      if (lines.length > 2) blocks.unshift(lines.slice(2).join("\n"));
      return "<h" + level + ">" + this.inline(lines[0].trim()) + "</h" + level + ">";
    }
    if (UL_ITEM.test(first) || OL_ITEM.test(first)) return this.list(block, blocks);
    if (/^ {0,3}>/.test(first)) return this.quote(block, blocks);
    var text = this.inline(block.replace(/^ +/gm, "").trim());
    return tight ? text : "<p>" + text + "</p>";
  };

  // Raw HTML, as written, up to the end tag that closes the first one (across blank lines); what follows
  // that end tag on its line is Markdown again, as Python-Markdown reads it.
  Renderer.prototype.rawBlock = function (block, raw, blocks) {
    var text = block;
    if (raw[1] === "!--") {
      while (text.indexOf("-->") === -1 && blocks.length) text += "\n\n" + blocks.shift();
      return this.keep(text);
    }
    var tag = raw[2].toLowerCase();
    var close = new RegExp("</" + tag + "\\s*>", "i");
    function closes(b) { return close.test(b); }
    while (!closingTag(text, tag) && blocks.some(closes)) text += "\n\n" + blocks.shift();
    var closer = closingTag(text, tag);
    var end = tag === "hr" ? text.indexOf(">") + 1 : (closer ? closer.end : -1);
    if (end > 0 && text.slice(end).trim()) {
      blocks.unshift(text.slice(end).replace(/^[ \t]*\n?/, ""));
      text = text.slice(0, end);
    }
    // md_in_html: markdown="1" (or block, span) asks for Markdown inside the element.
    var opener = readTags(text)[0];
    if (closer && opener && opener.attributes.some(function (a) { return a[0] === "markdown"; })) {
      var openTag = text.slice(0, opener.end).replace(/[\t\n\f ]+markdown(?:[\t\n\f ]*=[\t\n\f ]*(?:"[^"]*"|'[^']*'|[^\t\n\f >]*))?/i, "");
      var inner = text.slice(opener.end, closer.start).split(/\n{2,}/).filter(function (b) { return b.trim(); });
      return this.keep(openTag) + "\n" + this.blocks(inner, false).join("\n") + "\n" + this.keep(text.slice(closer.start));
    }
    return this.keep(text);
  };

  // The end tag that closes the element opening ``text``, or null.
  function closingTag(text, tag) {
    var depth = 0;
    var tags = readTags(text);
    for (var i = 0; i < tags.length; i++) {
      if (tags[i].name !== tag || tags[i].selfClosing) continue;
      depth += tags[i].closing ? -1 : 1;
      if (depth === 0) return tags[i];
    }
    return null;
  }

  Renderer.prototype.codeBlock = function (block, blocks) {
    var lines = [block];
    while (blocks.length && /^ {4}/.test(blocks[0])) lines.push(blocks.shift());
    var code = lines.join("\n\n").split("\n").map(function (l) { return l.replace(/^ {4}/, ""); }).join("\n");
    return this.keep("<pre><code>" + escapeAll(code.replace(/\n+$/, "") + "\n") + "</code></pre>");
  };

  Renderer.prototype.table = function (lines) {
    var self = this;
    function cells(line) {
      return line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map(function (c) { return c.trim(); });
    }
    var align = cells(lines[1]).map(function (c) {
      var left = c.charAt(0) === ":", right = c.charAt(c.length - 1) === ":";
      return left && right ? "center" : right ? "right" : left ? "left" : "";
    });
    function row(line, tag) {
      var values = cells(line);
      return "<tr>\n" + align.map(function (a, i) {
        var cls = a ? ' class="hub-align-' + a + '"' : "";
        return "<" + tag + cls + ">" + self.inline(values[i] || "") + "</" + tag + ">";
      }).join("\n") + "\n</tr>";
    }
    var body = lines.slice(2).map(function (l) { return row(l, "td"); }).join("\n");
    return "<table>\n<thead>\n" + row(lines[0], "th") + "\n</thead>\n<tbody>\n" + body + "\n</tbody>\n</table>";
  };

  Renderer.prototype.quote = function (block, blocks) {
    var inner = block.split("\n").map(function (l) { return l.replace(/^ {0,3}> ?/, ""); }).join("\n");
    while (blocks.length && /^ {0,3}>/.test(blocks[0])) {
      inner += "\n\n" + blocks.shift().split("\n").map(function (l) { return l.replace(/^ {0,3}> ?/, ""); }).join("\n");
    }
    return "<blockquote>\n" + this.blocks(inner.split(/\n{2,}/), false).join("\n") + "\n</blockquote>";
  };

  // A list: items start with a marker; other lines continue the item; indented blocks after
  // a blank line belong to the last item, which makes the list loose (paragraphs in items).
  Renderer.prototype.list = function (block, blocks) {
    var ordered = OL_ITEM.test(block.split("\n")[0]);
    var marker = ordered ? OL_ITEM : UL_ITEM;
    var items = [];
    var loose = false;
    var self = this;
    function addLines(text) {
      text.split("\n").forEach(function (line) {
        var item = marker.exec(line);
        if (item && !/^ {4}/.test(line)) items.push({ parts: [item[1]] });
        else if (items.length) {
          var parts = items[items.length - 1].parts;
          var inner = line.replace(/^ {4}/, "");
          // An indented list starts a block of its own inside the item: a nested list.
          if (/^ {4}/.test(line) && (UL_ITEM.test(inner) || OL_ITEM.test(inner)) &&
              !UL_ITEM.test(parts[parts.length - 1].split("\n")[0]) && !OL_ITEM.test(parts[parts.length - 1].split("\n")[0])) {
            parts.push(inner);
          } else {
            parts[parts.length - 1] += "\n" + inner;
          }
        }
      });
    }
    addLines(block);
    while (blocks.length) {
      var next = blocks[0];
      if (/^ {4}/.test(next)) {
        loose = true;
        items[items.length - 1].parts.push(next.split("\n").map(function (l) { return l.replace(/^ {4}/, ""); }).join("\n"));
        blocks.shift();
      } else if (marker.test(next.split("\n")[0])) {
        loose = true;
        addLines(blocks.shift());
      } else break;
    }
    var tag = ordered ? "ol" : "ul";
    var html = items.map(function (item) {
      var inner = self.blocks(item.parts.join("\n\n").split(/\n{2,}/), !loose).join("\n");
      return "<li>" + inner + "</li>";
    }).join("\n");
    return "<" + tag + ">\n" + html + "\n</" + tag + ">";
  };

  // --- Inline ----------------------------------------------------------------

  Renderer.prototype.inline = function (text) {
    var self = this;
    // Code spans first: nothing inside them is Markdown or HTML.
    text = text.replace(/(`+)([\s\S]+?)\1(?!`)/g, function (_, __, code) {
      return self.keep("<code>" + escapeAll(code.trim()) + "</code>");
    });
    text = text.replace(/\\([\\`*_{}\[\]()>#+\-.!])/g, function (_, c) {
      var kept = self.keep(escapeText(c));
      self.escaped[self.stash.length - 1] = c;
      return kept;
    });
    text = this.links(text);
    text = text.replace(/<((?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?:\/\/[^<>]*)>/g, function (_, url) {
      return self.keep('<a href="' + escapeAttribute(url) + '">' + escapeText(url) + "</a>");
    });
    text = text.replace(/<([^<> !]+@[^@<> ]+)>/g, function (_, address) {
      var mail = address.replace(/^mailto:/i, "");
      return self.keep('<a href="mailto:' + escapeAttribute(mail) + '">' + escapeText(mail) + "</a>");
    });
    text = text.replace(/ {2,}\n/g, function () { return self.keep("<br />\n"); });
    text = this.rawTags(text);
    text = this.emphasis(escapeText(text));
    return text;
  };

  // Inline HTML as written: tags read as browsers read them (quoted values may hold < and >), then
  // comments, processing instructions and CDATA. Python-Markdown reads them with an HTML parser too.
  var OTHER_RAW = /^<(?:!--(?:(?!<!--|-->)[\s\S])*--|\?(?:(?!<\?|\?>)[\s\S])*\?|!\[CDATA\[[\s\S]*?\]\])>/;

  Renderer.prototype.rawTags = function (text) {
    var self = this;
    var out = "";
    var i = 0;
    while (i < text.length) {
      var open = text.indexOf("<", i);
      if (open === -1) break;
      var slice = null;
      if (/^<\/?[A-Za-z]/.test(text.slice(open, open + 3)) && !/^<[^<>\s]*@/.test(text.slice(open))) {
        var tag = readTag(text, open);
        if (tag && text.charAt(tag.end - 1) === ">") slice = text.slice(open, tag.end);
      } else {
        var other = OTHER_RAW.exec(text.slice(open));
        if (other) slice = other[0];
      }
      if (slice === null) {
        out += text.slice(i, open + 1);
        i = open + 1;
        continue;
      }
      // Raw HTML keeps its backslashes as written (Python-Markdown's HtmlInlineProcessor.unescape).
      out += text.slice(i, open) + self.keep(slice.replace(STASH, function (held, index) {
        return own(self.escaped, index) ? "\\" + self.escaped[index] : held;
      }));
      i = open + slice.length;
    }
    return out + text.slice(i);
  };

  Renderer.prototype.emphasis = function (text) {
    return text
      .replace(/\*\*\*(?!\s)([\s\S]+?)\*\*\*/g, "<strong><em>$1</em></strong>")
      .replace(/\*\*(?!\s)([^*]+?)\*(?!\s)([^*]+?)\*\*\*/g, "<strong>$1<em>$2</em></strong>")
      .replace(/\*\*(?!\s)([\s\S]+?)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|[^A-Za-z0-9_])__(?!\s)([\s\S]+?)__(?![A-Za-z0-9_])/g, "$1<strong>$2</strong>")
      .replace(/\*(?![\s*])([\s\S]+?)\*/g, "<em>$1</em>")
      .replace(/(^|[^A-Za-z0-9_])_(?![\s_])([\s\S]+?)_(?![A-Za-z0-9_])/g, "$1<em>$2</em>");
  };

  // [text](url "title"), ![alt](src), [text][id], [text][], [id]: balanced brackets and parentheses.
  Renderer.prototype.links = function (text) {
    var out = "";
    var i = 0;
    while (i < text.length) {
      var start = text.indexOf("[", i);
      if (start === -1) break;
      var image = start > 0 && text.charAt(start - 1) === "!";
      var end = closing(text, start, "[", "]");
      if (end === -1) break;
      var label = text.slice(start + 1, end);
      var link = null;
      var after = end + 1;
      if (text.charAt(after) === "(") {
        var destination = parseDestination(text, after);
        if (destination) link = { url: destination.url, title: destination.title, end: destination.end };
      } else {
        var ref = /^ ?\[([^\]]*)\]/.exec(text.slice(after));
        var id = (ref && ref[1] ? ref[1] : label).toLowerCase().replace(/\s+/g, " ");
        var found = this.references[id];
        if (found) link = { url: found.url, title: found.title, end: ref ? after + ref[0].length : after };
      }
      if (!link) {
        out += text.slice(i, start + 1);
        i = start + 1;
        continue;
      }
      out += text.slice(i, image ? start - 1 : start);
      var title = link.title !== undefined && link.title !== null ? ' title="' + escapeAttribute(link.title) + '"' : "";
      var url = link.url.replace(/\\([\\`*_{}\[\]()>#+\-.!])/g, "$1");
      if (image) {
        var alt = this.restore(label).replace(/<[^>]*>/g, "");
        out += this.keep('<img alt="' + escapeAttribute(alt) + '" src="' + escapeAttribute(url) + '"' + title + " />");
      } else {
        out += this.keep('<a href="' + escapeAttribute(url) + '"' + title + ">" + this.inline(label) + "</a>");
      }
      i = link.end;
    }
    return out + text.slice(i);
  };

  function closing(text, start, open, close) {
    var depth = 0;
    for (var i = start; i < text.length; i++) {
      var c = text.charAt(i);
      if (c === "\\") { i++; continue; }
      if (c === open) depth++;
      else if (c === close && --depth === 0) return i;
    }
    return -1;
  }

  function parseDestination(text, at) {
    var i = at + 1;
    while (/\s/.test(text.charAt(i))) i++;
    var url;
    if (text.charAt(i) === "<") {
      var gt = text.indexOf(">", i);
      if (gt === -1) return null;
      url = text.slice(i + 1, gt);
      i = gt + 1;
    } else {
      var begin = i;
      var depth = 0;
      for (; i < text.length; i++) {
        var c = text.charAt(i);
        if (c === "\\") { i++; continue; }
        if (c === "(") depth++;
        else if (c === ")") { if (depth === 0) break; depth--; }
        else if (/\s/.test(c) && depth === 0) break;
      }
      url = text.slice(begin, i);
    }
    while (/\s/.test(text.charAt(i))) i++;
    var title = null;
    var quote = text.charAt(i);
    if (quote === '"' || quote === "'") {
      var endQuote = text.indexOf(quote + ")", i + 1);
      if (endQuote === -1) endQuote = text.indexOf(quote, i + 1);
      if (endQuote === -1) return null;
      title = text.slice(i + 1, endQuote);
      i = endQuote + 1;
      while (/\s/.test(text.charAt(i))) i++;
    }
    if (text.charAt(i) !== ")") return null;
    return { url: url.trim(), title: title, end: i + 1 };
  }

  window.HubMarkdown = {
    /** The HTML the site would publish for ``text`` (raw HTML passed through: check it before use). */
    render: function (text) { return new Renderer().render(text); },
    /** The address of every reference definition in ``text`` ([id]: address), used or not. */
    definitions: function (text) {
      var renderer = new Renderer();
      renderer.render(text);
      return Object.keys(renderer.references).map(function (id) { return renderer.references[id].url; });
    },
    /** Character references decoded as browsers decode them. */
    decode: decode,
    /** The tags of some HTML, as browsers tokenise them, with their attributes decoded. */
    tags: readTags
  };
})();
