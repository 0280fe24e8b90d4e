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
    var list = box.querySelector(".hub-search__results");
    var more = box.querySelector(".hub-search__more a");
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
      pagefind().then(function (pf) { return pf.search(query); }).then(function (search) {
        if (ticket !== latest) return null;
        return Promise.all(search.results.slice(0, HEADER_RESULTS).map(function (r) { return r.data(); }))
          .then(function (hits) { show(query, search.results.length, hits); });
      }).catch(function () {
        status.textContent = "Search is not available right now. Use the search page instead.";
        panel.hidden = false;
      });
    }

    function show(query, total, hits) {
      list.textContent = "";
      hits.forEach(function (hit) { list.appendChild(resultItem(hit, false)); });
      status.textContent = total
        ? plural(total, "result", "results") + " for \u201c" + query + "\u201d" + (total > hits.length ? ", showing the first " + hits.length : "")
        : "No results for \u201c" + query + "\u201d. Try fewer or different words, or browse by theme or borough.";
      more.href = new URL("search/?q=" + encodeURIComponent(query), siteRoot).href;
      more.textContent = total ? "See all results and filter them" : "Search with filters";
      panel.hidden = false;
    }

    function links() {
      return Array.prototype.slice.call(list.querySelectorAll("a.hub-hit__title")).concat([more]);
    }

    box.addEventListener("keydown", function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (event.key === "Escape") {
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
        if (!box.contains(document.activeElement)) panel.hidden = true;
      }, 0);
    });
  }

  // --- The search page ------------------------------------------------------

  var page = document.querySelector("[data-hub-search-page]");
  if (!page) return;
  var form = page.querySelector("#hub-search-form");
  var query = form.querySelector("#hub-q");
  var sort = form.querySelector("#hub-sort");
  var count = form.querySelector("#hub-count");
  var results = form.querySelector("#hub-results");
  var moreButton = form.querySelector("#hub-more");
  var facets = Array.prototype.map.call(form.querySelectorAll("[data-facet]"), function (set) {
    return set.getAttribute("data-facet");
  });
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

  function filtersExcept(skip) {
    var filters = {};
    facets.forEach(function (facet) {
      var values = selected(facet);
      if (facet !== skip && values.length) filters[facet] = { any: values };
    });
    return filters;
  }

  function options(filters) {
    var chosen = { filters: filters };
    if (sort.value === "started") chosen.sort = { started: "desc" };
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

  function runSearch() {
    var ticket = ++generation;
    writeUrl();
    var term = query.value.trim() || null;
    count.textContent = "Searching\u2026";
    return pagefind().then(function (pf) {
      return pf.filters().then(function (all) {
        addValues("started", all.started);
        addValues("year", all.year);
        return Promise.all([pf.search(term, options(filtersExcept(null))), updateCounts(pf, term)]);
      });
    }).then(function (done) {
      if (ticket !== generation) return;
      current = done[0];
      shown = 0;
      results.textContent = "";
      var total = current ? current.results.length : 0;
      var what = term ? " for \u201c" + term + "\u201d" : "";
      var filtered = Object.keys(filtersExcept(null)).length ? " with these filters" : "";
      count.textContent = total
        ? plural(total, "result", "results") + what + filtered
        : "No results" + what + filtered + ". Try removing a filter or using fewer words.";
      return showMore(false);
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

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    runSearch();
  });
  form.addEventListener("change", function (event) {
    if (event.target.matches("input[type=checkbox], select")) runSearch();
  });
  moreButton.addEventListener("click", function () { showMore(true); });
  form.querySelector("#hub-clear-filters").addEventListener("click", function () {
    Array.prototype.forEach.call(form.querySelectorAll("[data-facet] input"), function (b) { b.checked = false; });
    runSearch();
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
