/*
 * Search with Pagefind: the header box on every page and the full search page.
 *
 * Nothing of the index is loaded with a page: Pagefind's script and the index
 * chunks a query needs are fetched only when someone starts to search.
 * Without JavaScript the header box submits to the search page, which lists
 * the index pages instead.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var siteRoot = new URL("..", script.src); // this file is at <site>/assets/search.js
  var loading = null;
  var HEADER_RESULTS = 6;
  var PAGE_SIZE = 10;

  function pagefind() {
    if (!loading) {
      loading = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (module) {
        return module.options({ baseUrl: siteRoot.pathname, bundlePath: new URL("pagefind/", siteRoot).pathname })
          .then(function () { return module; });
      });
    }
    return loading;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function plural(count, one, many) {
    return count.toLocaleString("en-GB") + " " + (count === 1 ? one : many);
  }

  // --- Forgiving queries ----------------------------------------------------
  // The build writes the words a reader is likely to type (search/words.json:
  // titles, summaries, the names of areas, themes, settings and organisations,
  // and the synonyms). A query word that is not among them, and that the index
  // only matched by a shorter prefix ("asdfgh" matching "as"), is not found:
  // the reader gets no results and, where a word is close enough, "Did you
  // mean". The rules are those of hooks/hub/index/words.py; the tests run both
  // on the same misspellings.

  var SHORTEST = 3;
  var CASE_STUDY_TYPE = "Case study";
  var vocabularyLoading = null;

  function vocabulary() {
    if (!vocabularyLoading) {
      vocabularyLoading = fetch(new URL("search/words.json", siteRoot).href)
        .then(function (response) { return response.ok ? response.json() : { words: {} }; })
        .then(function (data) { return data.words || {}; })
        .catch(function () { return {}; });
    }
    return vocabularyLoading;
  }

  function wordsOf(text) {
    var plain = text.toLowerCase().normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
    return plain.match(/[a-z0-9]+/g) || [];
  }

  function editDistance(a, b) {
    var before = [], previous = [], i, j;
    for (j = 0; j <= b.length; j++) previous.push(j);
    for (i = 1; i <= a.length; i++) {
      var current = [i];
      for (j = 1; j <= b.length; j++) {
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          current[j] = Math.min(current[j], before[j - 2] + 1);
        }
      }
      before = previous;
      previous = current;
    }
    return previous[b.length];
  }

  function allowedDistance(word) {
    return word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
  }

  function isKnown(word, words) {
    if (word.length < SHORTEST || Object.prototype.hasOwnProperty.call(words, word)) return true;
    return Object.keys(words).some(function (w) { return w.indexOf(word) === 0; });
  }

  function suggest(word, words) {
    word = word.toLowerCase();
    if (isKnown(word, words)) return null;
    var limit = allowedDistance(word);
    var best = null;
    Object.keys(words).forEach(function (candidate) {
      if (candidate.length < SHORTEST || Math.abs(candidate.length - word.length) > limit) return;
      var distance = editDistance(word, candidate);
      if (distance > limit) return;
      var key = [distance, -words[candidate], candidate];
      if (!best || key[0] < best[0] || (key[0] === best[0] && (key[1] < best[1] || (key[1] === best[1] && key[2] < best[2])))) {
        best = key;
      }
    });
    return best ? best[2] : null;
  }

  // "Hackny" -> "Hackney": a suggestion written as the reader wrote the word.
  function inCaseOf(original, word) {
    if (original === original.toUpperCase() && original.length > 1) return word.toUpperCase();
    if (original[0] === original[0].toUpperCase()) return word[0].toUpperCase() + word.slice(1);
    return word;
  }

  // Did the index really find ``word`` in this page, or only a shorter prefix of it
  // ("asdfgh" as "as", "prescibing" as "pre-booked")? Pagefind marks the words it
  // matched (``locations``); a real match shares all of the word but a short ending
  // (prescriptions / prescription, prescribed / prescribing).
  function foundIn(word, data) {
    var needed = Math.min(word.length, Math.max(4, word.length - 2));
    return matchedWords(data).some(function (found) { return found.slice(0, needed) === word.slice(0, needed); });
  }

  // Is ``word`` on the page letter for letter (not only a word that starts the same)?
  function usedAsTyped(word, data) {
    return matchedWords(data).indexOf(word) !== -1;
  }

  // The words Pagefind matched on a page, as ``wordsOf`` writes them (worked out once per result).
  function matchedWords(data) {
    if (!data.hubMatched) {
      var content = data.content.split(/\s+/);
      data.hubMatched = data.locations.map(function (at) { return wordsOf(content[at] || "").join(""); });
    }
    return data.hubMatched;
  }

  // A search, checked: results are emptied when a word of the query was not really
  // found, and a word the vocabulary does not know gets the closest known word as a
  // suggestion. Gives {search, missing, suggestion}. The vocabulary is fetched only
  // when a word of the query is not on the first result as typed (or nothing was
  // found): a word a page uses letter for letter is spelt as the hub spells it, and
  // most queries need no more.
  function checkedSearch(pf, term, options) {
    return pf.search(term, options).then(function (search) {
      var typed = term ? wordsOf(term).filter(function (w) { return w.length >= SHORTEST; }) : [];
      if (!typed.length || !search) return { search: search, missing: [], suggestion: null };
      var first = search.results.length ? search.results[0].data() : Promise.resolve(null);
      return first.then(function (data) {
        if (data && typed.every(function (w) { return usedAsTyped(w, data); })) {
          return { search: search, missing: [], suggestion: null };
        }
        return vocabulary().then(function (words) {
          var unknown = wordsOf(term).filter(function (w) { return !isKnown(w, words); });
          var missing = unknown.filter(function (w) { return !data || !foundIn(w, data); });
          var changed = false;
          var fixed = term.split(/\s+/).map(function (original) {
            var plain = wordsOf(original).join("");
            var better = unknown.indexOf(plain) === -1 ? null : suggest(plain, words);
            if (!better) return original;
            changed = true;
            return inCaseOf(original, better);
          });
          return {
            search: missing.length ? { results: [], filters: search.filters } : search,
            missing: missing,
            suggestion: changed ? fixed.join(" ") : null,
          };
        });
      });
    });
  }

  function searchUrl(term) {
    return new URL("search/?q=" + encodeURIComponent(term), siteRoot).href;
  }

  // "Did you mean Hackney?" as a link, or advice when no word is close to a known one.
  function advice(into, query, checked) {
    into.textContent = "";
    if (checked.suggestion) {
      into.appendChild(document.createTextNode("Did you mean "));
      var link = element("a", "hub-suggest__link", checked.suggestion);
      link.href = searchUrl(checked.suggestion);
      into.appendChild(link);
      into.appendChild(document.createTextNode("?"));
    } else {
      into.appendChild(document.createTextNode(
        "No page uses \u201c" + checked.missing.join(" ") + "\u201d. Check the spelling, try another word, or browse "));
      var themes = element("a", "", "by theme");
      themes.href = new URL("themes/", siteRoot).href;
      var areas = element("a", "", "by borough");
      areas.href = new URL("boroughs/", siteRoot).href;
      into.appendChild(themes);
      into.appendChild(document.createTextNode(" or "));
      into.appendChild(areas);
      into.appendChild(document.createTextNode("."));
    }
    into.hidden = false;
  }

  // One result as a list item: title link, content type, highlighted excerpt.
  // Pagefind escapes the excerpt before adding <mark>, so it is safe as HTML;
  // titles and metadata are raw text and are only ever set as text.
  function resultItem(data, showSummary) {
    var item = element("li", "hub-hit");
    var link = element("a", "hub-hit__title", data.meta.title || data.url);
    link.href = data.url;
    var heading = element("h3", "hub-hit__heading");
    heading.appendChild(link);
    item.appendChild(heading);
    var meta = element("p", "hub-hit__meta");
    meta.appendChild(element("span", "hub-badge hub-hit__type", data.meta.type || "Page"));
    if (data.meta.when) meta.appendChild(element("span", "hub-hit__when", " " + data.meta.when));
    if (data.meta.organisation) meta.appendChild(document.createTextNode(" " + data.meta.organisation));
    if (data.meta.status) meta.appendChild(element("span", "hub-hit__status", " \u00b7 " + data.meta.status));
    if (data.meta.evidence) meta.appendChild(element("span", "hub-hit__evidence", " \u00b7 Evidence: " + data.meta.evidence.toLowerCase()));
    if (data.meta.tried) meta.appendChild(element("span", "hub-hit__tried", " " + data.meta.tried));
    item.appendChild(meta);
    var excerpt = element("p", "hub-hit__excerpt");
    if (showSummary && data.meta.summary) excerpt.textContent = data.meta.summary;
    else excerpt.innerHTML = data.excerpt;
    item.appendChild(excerpt);
    return item;
  }

  // --- The header box -------------------------------------------------------

  var box = document.querySelector("[data-hub-search]");
  if (box) {
    var input = box.querySelector("input[type=search]");
    var panel = box.querySelector(".hub-search__panel");
    var status = box.querySelector(".hub-search__status");
    var hint = box.querySelector(".hub-search__suggest");
    var list = box.querySelector(".hub-search__results");
    var more = box.querySelector(".hub-search__more a");
    var opener = document.querySelector("[data-hub-search-open]");
    var closer = box.querySelector(".hub-search__close");
    var timer = null;
    var latest = 0;

    input.addEventListener("focus", function () { pagefind(); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value.trim()); }, 150);
    });

    function run(query) {
      var ticket = ++latest;
      if (!query) {
        panel.hidden = true;
        return;
      }
      pagefind().then(function (pf) { return checkedSearch(pf, query); }).then(function (checked) {
        if (ticket !== latest) return null;
        var results = checked.search.results;
        return Promise.all(results.slice(0, HEADER_RESULTS).map(function (r) { return r.data(); }))
          .then(function (hits) { show(query, results.length, hits, checked); });
      }).catch(function () {
        status.textContent = "Search is not available right now. Use the search page instead.";
        panel.hidden = false;
      });
    }

    function show(query, total, hits, checked) {
      list.textContent = "";
      hits.forEach(function (hit) { list.appendChild(resultItem(hit, false)); });
      status.textContent = total
        ? plural(total, "result", "results") + " for \u201c" + query + "\u201d" + (total > hits.length ? ", showing the first " + hits.length : "")
        : "No results for \u201c" + query + "\u201d." + (checked.missing.length ? "" : " Try fewer or different words, or browse by theme or borough.");
      if (checked.missing.length || checked.suggestion) advice(hint, query, checked);
      else hint.hidden = true;
      more.href = searchUrl(query);
      more.textContent = total ? "See all results and filter them" : "Search with filters";
      panel.hidden = false;
    }

    function links() {
      return Array.prototype.slice.call(box.querySelectorAll(".hub-search__suggest a, a.hub-hit__title")).concat([more]);
    }

    // On a phone the header has room for a magnifier only: it opens the box over the
    // header, with the focus in it. Without JavaScript it is a link to the search page.
    function open(event) {
      event.preventDefault();
      box.classList.add("hub-search--open");
      opener.setAttribute("aria-expanded", "true");
      input.focus();
    }

    function close() {
      if (!box.classList.contains("hub-search--open")) return;
      box.classList.remove("hub-search--open");
      opener.setAttribute("aria-expanded", "false");
      panel.hidden = true;
      opener.focus();
    }

    if (opener) {
      opener.setAttribute("role", "button");
      opener.setAttribute("aria-expanded", "false");
      opener.setAttribute("aria-controls", box.id);
      opener.addEventListener("click", open);
      opener.addEventListener("keydown", function (event) {
        if (event.key === " ") open(event);  // a button works with Space as well as Enter
      });
      closer.addEventListener("click", close);
    }

    box.addEventListener("keydown", function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (event.key === "Escape") {
        if (panel.hidden) {
          close();
          return;
        }
        panel.hidden = true;
        input.focus();
      } else if (event.key === "ArrowDown" && !panel.hidden) {
        event.preventDefault();
        all[Math.min(at + 1, all.length - 1)].focus();
      } else if (event.key === "ArrowUp" && at !== -1) {
        event.preventDefault();
        if (at === 0) input.focus();
        else all[at - 1].focus();
      }
    });
    box.addEventListener("focusout", function () {
      setTimeout(function () {
        if (box.contains(document.activeElement)) return;
        panel.hidden = true;
        if (box.classList.contains("hub-search--open")) {
          box.classList.remove("hub-search--open");
          opener.setAttribute("aria-expanded", "false");
        }
      }, 0);
    });
  }

  // --- The all-case-studies page's own filters ---------------------------------
  // The list is filtered in place from the search index (fetched on the first choice),
  // so it works across every page of a long list; the counts are the index's, as on
  // the search page, the theme and area pages and the map.

  var listForm = document.querySelector("[data-hub-list-filters]");
  if (listForm) {
    var listStatus = listForm.querySelector(".hub-list-filters__status");
    var listResults = listForm.querySelector(".hub-list-filters__results");
    var listed = Array.prototype.slice.call(document.querySelectorAll(
      "#case-study-list, #case-study-list ~ .hub-cards, #case-study-list ~ .hub-pagination"));
    var listTicket = 0;

    var filterList = function () {
      var ticket = ++listTicket;
      var filters = { type: { any: [CASE_STUDY_TYPE] } };
      var chosen = 0;
      Array.prototype.forEach.call(listForm.querySelectorAll("select"), function (select) {
        if (select.value) {
          filters[select.name] = { any: [select.value] };
          chosen += 1;
        }
      });
      if (!chosen) {
        listResults.hidden = true;
        listResults.textContent = "";
        listStatus.textContent = "";
        listed.forEach(function (node) { node.hidden = false; });
        return Promise.resolve();
      }
      listStatus.textContent = "Filtering\u2026";
      return pagefind().then(function (pf) {
        return pf.search(null, { filters: filters, sort: { started: "desc" } });
      }).then(function (search) {
        return Promise.all(search.results.map(function (r) { return r.data(); }));
      }).then(function (hits) {
        if (ticket !== listTicket) return;
        listResults.textContent = "";
        hits.forEach(function (hit) { listResults.appendChild(resultItem(hit, true)); });
        listResults.hidden = false;
        listed.forEach(function (node) { node.hidden = true; });
        listStatus.textContent = hits.length
          ? plural(hits.length, "case study", "case studies") + " with these filters"
          : "No case studies with these filters. Choose \u201cAny\u201d in one of them to see more.";
      }).catch(function () {
        listStatus.textContent = "Filtering is not available right now. Use the search page instead.";
      });
    };

    listForm.addEventListener("change", function () { filterList(); });
    listForm.addEventListener("submit", function (event) {
      event.preventDefault();
      filterList();
    });
    listForm.addEventListener("reset", function () {
      setTimeout(filterList, 0);  // after the form has put every choice back to "Any"
    });
  }

  // --- The search page ------------------------------------------------------

  var page = document.querySelector("[data-hub-search-page]");
  if (!page) return;
  var form = page.querySelector("#hub-search-form");
  var query = form.querySelector("#hub-q");
  var sort = form.querySelector("#hub-sort");
  var count = form.querySelector("#hub-count");
  var hintLine = form.querySelector("#hub-suggest");
  var results = form.querySelector("#hub-results");
  var moreButton = form.querySelector("#hub-more");
  var toggle = form.querySelector("#hub-filters-toggle");
  var filterPanel = form.querySelector("#hub-filters");
  var filtersOn = form.querySelector("#hub-filters-on");
  var chips = form.querySelector("#hub-chips");
  var chipList = chips.querySelector("ul");
  var facets = Array.prototype.map.call(form.querySelectorAll("[data-facet]"), function (set) {
    return set.getAttribute("data-facet");
  });
  var labels = {};
  Array.prototype.forEach.call(form.querySelectorAll("[data-facet]"), function (set) {
    labels[set.getAttribute("data-facet")] = set.querySelector("legend").textContent;
  });
  var CASE_STUDY = "Case study";
  var current = null;
  var shown = 0;
  var generation = 0;

  page.querySelector("[data-hub-nojs]").hidden = true;
  form.hidden = false;

  function selected(facet) {
    return Array.prototype.map.call(form.querySelectorAll('[data-facet="' + facet + '"] input:checked'), function (b) {
      return b.value;
    });
  }

  // The filters of every facet but ``skip``. Until a content type is chosen, the other
  // facets filter and count case studies, so that "Proactive care (9)" here is the
  // "9 case studies" of the theme's page, and ticking it shows those nine.
  function filtersExcept(skip) {
    var filters = {};
    facets.forEach(function (facet) {
      var values = selected(facet);
      if (facet !== skip && values.length) filters[facet] = { any: values };
    });
    var others = Object.keys(filters).some(function (facet) { return facet !== "type"; });
    if (skip !== "type" && !filters.type && (others || skip)) filters.type = { any: [CASE_STUDY] };
    return filters;
  }

  function chosenCount() {
    return facets.reduce(function (n, facet) { return n + selected(facet).length; }, 0);
  }

  function options(filters, term) {
    var chosen = { filters: filters };
    if (sort.value === "started" || (!term && !sort.value)) chosen.sort = { started: "desc" };
    if (sort.value === "newest") chosen.sort = { date: "desc" };
    if (sort.value === "title") chosen.sort = { title: "asc" };
    return chosen;
  }

  // State in the URL, so that a filtered view can be shared and bookmarked.
  function readUrl() {
    var params = new URLSearchParams(location.search);
    query.value = params.get("q") || "";
    sort.value = params.get("sort") || "";
    return params;
  }

  function writeUrl() {
    var params = new URLSearchParams();
    if (query.value.trim()) params.set("q", query.value.trim());
    facets.forEach(function (facet) {
      selected(facet).forEach(function (value) { params.append(facet, value); });
    });
    if (sort.value) params.set("sort", sort.value);
    var text = params.toString();
    history.replaceState(null, "", location.pathname + (text ? "?" + text : ""));
  }

  function tickFromUrl(params) {
    facets.forEach(function (facet) {
      var wanted = params.getAll(facet);
      Array.prototype.forEach.call(form.querySelectorAll('[data-facet="' + facet + '"] input'), function (b) {
        b.checked = wanted.indexOf(b.value) !== -1;
      });
    });
  }

  // Periods and years come from the index; add any that the page does not list yet, newest first.
  function addValues(facet, available) {
    var set = form.querySelector('[data-facet="' + facet + '"] .hub-facet__options');
    Object.keys(available || {}).sort().reverse().forEach(function (value) {
      if (set.querySelector('input[value="' + value + '"]')) return;
      var wrap = element("div", "hub-choice");
      var box = element("input");
      box.type = "checkbox";
      box.id = "facet-" + facet + "-" + value.replace(/\W+/g, "-");
      box.name = facet;
      box.value = value;
      var label = element("label", "", value + " ");
      label.htmlFor = box.id;
      label.appendChild(element("span", "hub-facet__count"));
      wrap.appendChild(box);
      wrap.appendChild(label);
      set.appendChild(wrap);
    });
  }

  // Counts per value: what the results would be if that value were ticked too.
  // Values with none stay in place, marked "(0)": a list that shrank and grew
  // with every search would move under the reader's pointer (layout shift).
  function updateCounts(pf, term) {
    return Promise.all(facets.map(function (facet) {
      return pf.search(term, { filters: filtersExcept(facet) }).then(function (search) {
        var found = (search && search.filters && search.filters[facet]) || {};
        Array.prototype.forEach.call(form.querySelectorAll('[data-facet="' + facet + '"] .hub-choice'), function (choice) {
          var n = found[choice.querySelector("input").value] || 0;
          choice.querySelector(".hub-facet__count").textContent = "(" + n + ")";
          choice.classList.toggle("hub-choice--none", n === 0);
        });
        var fieldset = form.querySelector('[data-facet="' + facet + '"]');
        fieldset.hidden = !fieldset.querySelector(".hub-choice");
      });
    }));
  }

  // The filters that are on, as chips that each remove one; "Clear all" removes every one.
  function showChips() {
    chipList.textContent = "";
    facets.forEach(function (facet) {
      selected(facet).forEach(function (value) {
        var item = element("li");
        var chip = element("button", "hub-chip", value);
        chip.type = "button";
        chip.setAttribute("aria-label", "Remove filter " + labels[facet] + ": " + value);
        chip.appendChild(element("span", "hub-chip__x", "\u00d7"));
        chip.lastChild.setAttribute("aria-hidden", "true");
        chip.addEventListener("click", function () {
          var box = form.querySelector('[data-facet="' + facet + '"] input[value="' + CSS.escape(value) + '"]');
          box.checked = false;
          runSearch().then(function () {
            var next = chipList.querySelector("button") || query;
            next.focus();
          });
        });
        item.appendChild(chip);
        chipList.appendChild(item);
      });
    });
    var n = chosenCount();
    chips.hidden = n === 0;
    filtersOn.textContent = n ? " (" + n + " on)" : "";
  }

  function runSearch() {
    var ticket = ++generation;
    writeUrl();
    showChips();
    var term = query.value.trim() || null;
    count.textContent = "Searching\u2026";
    return pagefind().then(function (pf) {
      return pf.filters().then(function (all) {
        addValues("started", all.started);
        addValues("year", all.year);
        return Promise.all([checkedSearch(pf, term, options(filtersExcept(null), term)), updateCounts(pf, term)]);
      });
    }).then(function (done) {
      if (ticket !== generation) return;
      var checked = done[0];
      current = checked.search;
      shown = 0;
      results.textContent = "";
      var total = current ? current.results.length : 0;
      var what = term ? " for \u201c" + term + "\u201d" : "";
      var filtered = chosenCount() ? " with these filters" : "";
      var said = total
        ? plural(total, "result", "results") + what + filtered
        : "No results" + what + filtered + "." + (checked.missing.length ? "" : " Try removing a filter or using fewer words.");
      if (checked.missing.length || checked.suggestion) advice(hintLine, term, checked);
      else hintLine.hidden = true;
      // The count is announced once the first results are on the page, not while they are still loading.
      return showMore(false).then(function () {
        if (ticket === generation) count.textContent = said;
      });
    }).catch(function () {
      count.textContent = "Search is not available right now. Browse the index pages instead.";
    });
  }

  // The next page of results. One batch at a time: a second click while the
  // first is loading, or a batch of a search since replaced, adds nothing.
  var adding = null;

  function showMore(moveFocus) {
    if (adding && adding.generation === generation) return adding.done;
    var batch = { generation: generation };
    var next = current.results.slice(shown, shown + PAGE_SIZE);
    batch.done = Promise.all(next.map(function (r) { return r.data(); })).then(function (hits) {
      if (batch.generation !== generation) return;
      var first = null;
      hits.forEach(function (hit) {
        var item = resultItem(hit, !query.value.trim());
        results.appendChild(item);
        first = first || item.querySelector("a");
      });
      shown += hits.length;
      moreButton.hidden = shown >= current.results.length;
      if (moveFocus && first) first.focus();
    }).finally(function () {
      if (adding === batch) adding = null;
    });
    adding = batch;
    return batch.done;
  }

  function showFilters(open) {
    filterPanel.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    runSearch();
  });
  form.addEventListener("change", function (event) {
    if (event.target.matches("input[type=checkbox], select")) runSearch();
  });
  moreButton.addEventListener("click", function () { showMore(true); });
  toggle.addEventListener("click", function () {
    var open = filterPanel.hidden;
    showFilters(open);
    if (open) filterPanel.querySelector("input").focus();
  });
  form.querySelector("#hub-filters-done").addEventListener("click", function () {
    showFilters(false);
    toggle.focus();
  });
  filterPanel.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    showFilters(false);
    toggle.focus();
  });

  function clearAll() {
    Array.prototype.forEach.call(form.querySelectorAll("[data-facet] input"), function (b) { b.checked = false; });
    return runSearch();
  }

  form.querySelector("#hub-clear-filters").addEventListener("click", clearAll);
  form.querySelector("#hub-chips-clear").addEventListener("click", function () {
    clearAll().then(function () { query.focus(); });
  });

  var params = readUrl();
  pagefind().then(function (pf) { return pf.filters(); }).then(function (all) {
    addValues("started", all.started);
    addValues("year", all.year);
    tickFromUrl(params);
    return runSearch();
  }).catch(function () {
    tickFromUrl(params);
    runSearch();
  });
})();
