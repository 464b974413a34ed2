/* The comparison page. Plain JavaScript, no dependencies. It talks to the service only through the public API
   (POST /v1/comparisons, POST /v1/articles, GET /v1/comparisons/{id}).
   Safety rule: every piece of text that comes from an article or from the API is put in the page as text
   (textContent, createTextNode, attribute values); this file never parses strings as HTML. */
(function () {
  "use strict";

  var SNIPPET = 60;
  var SIDES = {
    us_gov: "US government", prc_gov: "PRC government", other_gov: "other government", analyst: "analyst",
    media: "media", anonymous: "anonymous", other: "other"
  };
  var ATTRIBUTION = { direct: "direct quote", indirect: "reported speech", unattributed: "unattributed" };

  var state = { seeds: [], uploads: [], pastes: 0, result: null };
  var $ = function (id) { return document.getElementById(id); };

  /* ---------- DOM helpers: text only ---------- */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === null || value === undefined || value === false) return;
        if (name === "class") node.className = value;
        else if (name === "text") node.textContent = value;
        else node.setAttribute(name, value === true ? "" : String(value));
      });
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    if (children === null || children === undefined) return node;
    if (!Array.isArray(children)) children = [children];
    children.forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === "string" || typeof child === "number"
        ? document.createTextNode(String(child)) : child);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function snippet(text, length) {
    length = length || SNIPPET;
    var chars = Array.from(text || "");
    return chars.length <= length ? chars.join("") : chars.slice(0, length - 1).join("") + "…";
  }

  function percent(share) { return Math.round(share * 100) + "%"; }
  function humanize(id) { return String(id).replace(/_/g, " "); }
  function side(id) { return SIDES[id] || humanize(id || "unknown"); }

  /* ---------- status and errors ---------- */

  function setStatus(text) { $("status").textContent = text || ""; }

  function showError(message, fieldErrors) {
    var box = clear($("error"));
    box.hidden = false;
    append(box, el("strong", { text: "Could not compare: " }));
    append(box, message);
    if (fieldErrors && typeof fieldErrors === "object") {
      var list = el("ul");
      Object.keys(fieldErrors).forEach(function (field) {
        var messages = fieldErrors[field];
        messages = Array.isArray(messages) ? messages : [JSON.stringify(messages)];
        append(list, el("li", null, [el("code", { text: field }), ": " + messages.join("; ")]));
      });
      if (list.firstChild) append(box, list);
    }
  }

  function hideError() { clear($("error")).hidden = true; }

  /* Fetch JSON from the API; a problem+json answer (RFC 9457) becomes an Error carrying its `detail`. */
  function api(method, path, body, headers) {
    var init = { method: method, headers: Object.assign({ Accept: "application/json" }, headers || {}) };
    if (body !== undefined) init.body = body;
    return fetch(path, init).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      var parsed = type.indexOf("json") >= 0
        ? response.json().catch(function () { return null; })
        : response.text().then(function () { return null; });
      return parsed.then(function (data) {
        if (response.ok) return data;
        var error = new Error(data && data.detail ? data.detail
          : "the service answered " + response.status + " " + response.statusText);
        error.fieldErrors = data && data.errors;
        error.status = response.status;
        throw error;
      });
    }, function () {
      throw new Error("the service could not be reached; check that it is running and try again");
    });
  }

  function postJson(path, payload) {
    return api("POST", path, JSON.stringify(payload), { "Content-Type": "application/json" });
  }

  /* ---------- inputs: bundled samples ---------- */

  function loadSeeds() {
    fetch("static/web/seeds/index.json").then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).then(function (seeds) {
      state.seeds = seeds;
      var list = clear($("seed-list"));
      seeds.forEach(function (seed) {
        var number = seed.file.split("_")[0];
        var input = el("input", { type: "checkbox", value: seed.file, "data-seed": number });
        append(list, el("label", { class: "seed" }, [
          input,
          el("span", { class: "seed-text" }, [
            el("span", { class: "seed-head" }, [el("b", { text: number }), " " + seed.outlet +
              (seed.date ? " · " + seed.date : "")]),
            el("span", { class: "seed-title", text: seed.title })
          ])
        ]));
      });
    }).catch(function () {
      clear($("seed-list"));
      append($("seed-list"), el("p", { class: "muted", text: "The sample list could not be loaded." }));
    });
  }

  function pickedSeeds() {
    var boxes = document.querySelectorAll("#seed-list input[type=checkbox]:checked");
    return Promise.all(Array.prototype.map.call(boxes, function (box) {
      return fetch("static/web/seeds/" + encodeURIComponent(box.value)).then(function (response) {
        if (!response.ok) throw new Error("the sample " + box.value + " could not be loaded");
        return response.blob();
      }).then(function (blob) { return { name: box.value, blob: blob }; });
    }));
  }

  /* ---------- inputs: uploads ---------- */

  function renderUploads() {
    var list = clear($("file-list"));
    state.uploads.forEach(function (file, index) {
      var remove = el("button", { type: "button", class: "secondary small", text: "Remove" });
      remove.addEventListener("click", function () {
        state.uploads.splice(index, 1);
        renderUploads();
      });
      append(list, el("li", null, [el("span", { class: "file-name", text: file.name }),
        el("span", { class: "muted", text: " " + Math.max(1, Math.round(file.size / 1024)) + " KB " }), remove]));
    });
  }

  /* ---------- inputs: pasted text ---------- */

  function addPaste() {
    state.pastes += 1;
    var block = $("paste-template").content.firstElementChild.cloneNode(true);
    var id = "paste-" + state.pastes;
    block.querySelector(".paste-title").textContent = "Article " + state.pastes;
    var area = block.querySelector("textarea");
    area.id = id;
    area.setAttribute("aria-label", "Text of article " + state.pastes);
    block.querySelector(".remove").addEventListener("click", function () { block.remove(); });
    $("paste-list").appendChild(block);
    return block;
  }

  function pastedDocuments() {
    var documents = [];
    document.querySelectorAll("#paste-list .paste").forEach(function (block) {
      var content = block.querySelector("textarea").value;
      if (!content.trim()) return;
      var document_ = { content: content };
      var outlet = block.querySelector(".outlet").value.trim();
      var url = block.querySelector(".url").value.trim();
      if (outlet) document_.outlet = outlet;
      if (url) document_.url = url;
      documents.push(document_);
    });
    return documents;
  }

  /* ---------- running a comparison ---------- */

  function compareAll(event) {
    if (event) event.preventDefault();
    hideError();
    var texts = pastedDocuments();
    var button = $("compare");
    button.disabled = true;
    setStatus("Reading the inputs…");
    var started = performance.now();
    pickedSeeds().then(function (seeds) {
      var files = seeds.concat(state.uploads.map(function (file) { return { name: file.name, blob: file }; }));
      var count = files.length + texts.length;
      if (count < 2) {
        throw new Error("give at least two articles: pick samples, upload files or paste text (" + count +
          " given)");
      }
      setStatus("Comparing " + count + " articles…");
      return request(texts, files);
    }).then(function (result) {
      var seconds = ((performance.now() - started) / 1000).toFixed(1);
      show(result);
      setStatus("Done in " + seconds + " s" + (result.cached ? " (from the cache)" : "") + ".");
      history.replaceState(null, "", "#comparison=" + encodeURIComponent(result.id));
    }).catch(function (error) {
      setStatus("");
      showError(error.message, error.fieldErrors);
    }).then(function () { button.disabled = false; });
  }

  /* Only text: one JSON request. Files (and text without metadata): one multipart request. Text with its own
     outlet or URL next to files: store each article through /v1/articles, then compare them by id. */
  function request(texts, files) {
    if (!files.length) return postJson("v1/comparisons", { documents: texts });
    var plain = texts.every(function (t) { return !t.outlet && !t.url; });
    if (plain) {
      var form = new FormData();
      files.forEach(function (file) { form.append("file", file.blob, file.name); });
      texts.forEach(function (text, index) {
        form.append("file", new Blob([text.content], { type: "text/plain;charset=utf-8" }),
          "pasted-" + (index + 1) + ".txt");
      });
      return api("POST", "v1/comparisons", form);
    }
    var stored = texts.map(function (text) { return postJson("v1/articles", text); });
    var upload = new FormData();
    files.forEach(function (file) { upload.append("file", file.blob, file.name); });
    stored.push(api("POST", "v1/articles", upload));
    return Promise.all(stored).then(function (answers) {
      var ids = [];
      answers.forEach(function (answer) {
        (Array.isArray(answer) ? answer : [answer]).forEach(function (article) { ids.push(article.id); });
      });
      return postJson("v1/comparisons", { articles: ids });
    });
  }

  function loadFromHash() {
    var match = /^#comparison=([A-Za-z0-9_-]+)$/.exec(location.hash);
    if (!match) return;
    setStatus("Loading comparison " + match[1] + "…");
    api("GET", "v1/comparisons/" + encodeURIComponent(match[1])).then(function (result) {
      show(result);
      setStatus("");
    }).catch(function (error) {
      setStatus("");
      showError(error.message, error.fieldErrors);
    });
  }

  /* ---------- results ---------- */

  function show(result) {
    state.result = result;
    var facts = result.facts.map(function (fact, index) { return { fact: fact, order: index }; });
    facts.sort(function (x, y) { return (y.fact.weight - x.fact.weight) || (x.order - y.order); });
    var ctx = {
      result: result,
      outlets: result.outlets,
      names: outletNames(result),
      facts: facts.map(function (item) { return item.fact; }),
      number: {},
      byId: {}
    };
    ctx.facts.forEach(function (fact, index) {
      ctx.number[fact.id] = index + 1;
      ctx.byId[fact.id] = fact;
    });
    renderSummary(ctx);
    renderSides(ctx);
    renderMatrix(ctx);
    renderWording(ctx);
    renderFraming(ctx);
    $("results").hidden = false;
    $("results").scrollIntoView({ block: "start" });
  }

  /* A comparison across languages: one column per language with the points only its reports make, then the
     concepts both sides use, each in its own words. */
  function renderSides(ctx) {
    var sides = (ctx.result.framing || {}).sides;
    var panel = $("sides-panel");
    var box = clear($("sides"));
    panel.hidden = !sides;
    if (!sides) return;
    var languages = Object.keys(sides.languages).sort();
    var names = { en: "English", zh: "Chinese" };
    append(box, el("p", { text: sides.shared.length + " facts are reported in both languages." }));
    append(box, el("div", { class: "side-columns" }, languages.map(function (lang) {
      var side = sides.languages[lang];
      var points = side.only_here.map(function (id) { return ctx.byId[id]; }).filter(Boolean);
      return el("div", { class: "side", lang: lang }, [
        el("h3", { text: "Only in " + (names[lang] || lang) + " (" + side.outlets.join(", ") + "): " +
          side.only_here.length }),
        el("ul", null, points.map(function (fact) {
          return el("li", { class: lang === "zh" ? "zh" : null }, [
            el("a", { href: "#fact-" + fact.id, text: "#" + ctx.number[fact.id] }), " ",
            snippet(fact.mentions[0].text, 120)]);
        }))
      ]);
    })));
    if (sides.matched_terms.length) {
      append(box, el("table", { class: "plain" }, [
        el("thead", null, el("tr", null, ["Concept"].concat(languages.map(function (lang) {
          return names[lang] || lang;
        })).map(function (h) { return el("th", { scope: "col", text: h }); }))),
        el("tbody", null, sides.matched_terms.map(function (term) {
          return el("tr", null, [el("td", { text: humanize(term.concept) })].concat(languages.map(function (lang) {
            return el("td", { text: Object.keys(term[lang]).map(function (w) {
              return w + " ×" + term[lang][w];
            }).join(", ") });
          })));
        }))
      ]));
    }
  }

  function outletNames(result) {
    var names = {};
    result.articles.forEach(function (article) {
      if (article.outlet) names[article.outlet.id] = article.outlet.name;
    });
    return names;
  }

  /* An outlet id (dw, qukanredian.com) with its name as a tooltip; long ids may wrap after their dots. */
  function outletLabel(ctx, outlet) {
    var name = ctx.names[outlet];
    var label = el("span", { class: "outlet", title: name && name !== outlet ? name : null });
    String(outlet).split(".").forEach(function (part, index) {
      if (index) append(label, [".", document.createElement("wbr")]);
      append(label, part);
    });
    return label;
  }

  function safeLink(url, label) {
    try {
      var parsed = new URL(url);
      if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
      return el("a", { href: parsed.href, rel: "noopener noreferrer", target: "_blank", text: label });
    } catch (e) {
      return null;
    }
  }

  function renderSummary(ctx) {
    var result = ctx.result;
    var box = clear($("summary"));
    var shared = ctx.facts.filter(function (fact) { return fact.outlets.length > 1; }).length;
    append(box, el("p", null, [
      result.articles.length + " articles from " + ctx.outlets.length + " outlets: " + ctx.facts.length +
      " facts, " + shared + " reported by more than one outlet. ",
      el("a", { href: "v1/comparisons/" + encodeURIComponent(result.id) + "?format=md", text: "Markdown report" }),
      " · ",
      el("a", { href: "v1/comparisons/" + encodeURIComponent(result.id), text: "JSON" }),
      " · ",
      el("a", { href: "#comparison=" + encodeURIComponent(result.id), text: "link to this comparison" })
    ]));
    var events = result.events || [];
    if (events.length > 1) {
      append(box, el("p", { class: "note", id: "events-note" }, [
        "These articles report " + events.length + " events: " + events.map(function (event) {
          return event.outlets.join(", ");
        }).join(" | ") + ". An outlet is only counted as leaving out facts of its own event."
      ]));
    }
    var partial = result.articles.filter(function (article) {
      return (article.stories || []).length > 1;
    });
    partial.forEach(function (article) {
      var compared = article.stories.filter(function (story) { return story.compared; });
      append(box, el("p", { class: "note" }, [
        (article.outlet ? article.outlet.name : "A document") + " holds " + article.stories.length +
        " stories; " + compared.length + " compared" + (compared.length ? ": " + compared.map(function (story) {
          return story.title || "story " + (story.index + 1);
        }).join(" · ") : " (none shares facts with the other documents)") + "."
      ]));
    });
    var rows = result.articles.map(function (article) {
      var link = article.url ? safeLink(article.url, "original") : null;
      return el("tr", null, [
        el("td", null, article.outlet ? outletLabel(ctx, article.outlet.id) : "unknown"),
        el("td", { text: article.via ? article.via.id : "" }),
        el("td", { class: "zh" }, [article.title || "(no title)", link ? " " : null, link]),
        el("td", { text: article.published_at ? article.published_at.slice(0, 10) : "" }),
        el("td", { class: "num", text: article.sentence_count })
      ]);
    });
    append(box, el("div", { class: "scroll" }, el("table", { class: "plain" }, [
      el("thead", null, el("tr", null, ["Outlet", "Via", "Title", "Published", "Sentences"].map(function (h) {
        return el("th", { scope: "col", text: h });
      }))),
      el("tbody", null, rows)
    ])));
  }

  function renderMatrix(ctx) {
    var coverage = ctx.result.coverage || {};
    var omitted = {};
    ctx.outlets.forEach(function (outlet) {
      omitted[outlet] = new Set((coverage[outlet] && coverage[outlet].omitted_facts) || []);
    });
    var table = clear($("matrix"));
    var head = el("thead");
    append(head, el("tr", null, [el("th", { scope: "col", class: "n", text: "#" }),
      el("th", { scope: "col", class: "fact-col", text: "Fact (as the first outlet words it)" })]
      .concat(ctx.outlets.map(function (outlet) {
        return el("th", { scope: "col", class: "o" }, outletLabel(ctx, outlet));
      }))));
    [["Facts reported", function (c) { return c.present; }],
      ["Shared with others", function (c) { return c.present - c.unique; }],
      ["Only this outlet", function (c) { return c.unique; }],
      ["Left out", function (c) { return c.omitted; }]].forEach(function (row) {
      append(head, el("tr", { class: "count-row" }, [el("th", { scope: "row", colspan: 2, text: row[0] })]
        .concat(ctx.outlets.map(function (outlet) {
          var cover = coverage[outlet];
          return el("td", { class: "o num", text: cover ? row[1](cover) : "" });
        }))));
    });
    var body = el("tbody");
    ctx.facts.forEach(function (fact) {
      var number = ctx.number[fact.id];
      var text = fact.mentions.length ? fact.mentions[0].text : "";
      var label = fact.outlets.length > 1
        ? el("a", { href: "#fact-" + fact.id, title: text, text: snippet(text) })
        : el("span", { title: text, text: snippet(text) });
      var present = new Set(fact.outlets);
      var row = el("tr", { class: fact.outlets.length > 1 ? "shared" : "single", "data-fact": fact.id }, [
        el("td", { class: "n num" }, [el("input", { type: "checkbox", class: "pick-fact", value: fact.id,
          "aria-label": "select fact " + number + " to join with others" }), " " + number]),
        el("td", { class: "fact-col zh" }, label)
      ].concat(ctx.outlets.map(function (outlet) {
        if (present.has(outlet)) {
          return el("td", { class: "o cell on", title: outlet + " reports this", "aria-label": "reports" }, "●");
        }
        if (omitted[outlet].has(fact.id)) {
          return el("td", { class: "o cell omitted", title: outlet + " leaves this out", "aria-label": "leaves out" },
            "○");
        }
        return el("td", { class: "o cell", "aria-label": "not reported" });
      })));
      append(body, row);
    });
    append(table, [head, body]);
    applySharedFilter();
  }

  /* ---------- corrections: a reviewer takes a sentence out of a fact, or joins facts ---------- */

  function correct(operations, note) {
    var result = state.result;
    setStatus("Saving the correction…");
    return postJson("v1/comparisons/" + encodeURIComponent(result.id) + "/corrections",
      { operations: operations, note: note || "" }).then(function (answer) {
      if (!answer.comparison) throw new Error("the correction is saved; compare the articles again to see it");
      return api("GET", "v1/comparisons/" + encodeURIComponent(answer.comparison));
    }).then(function (corrected) {
      show(corrected);
      history.replaceState(null, "", "#comparison=" + encodeURIComponent(corrected.id));
      setStatus("Correction saved: it applies to every later comparison of these sentences.");
    }).catch(function (error) {
      setStatus("");
      showError(error.message, error.fieldErrors);
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.unlink");
    if (button) {
      correct([{ op: "unlink", mentions: [{ article_id: button.getAttribute("data-article"),
        sentence_index: Number(button.getAttribute("data-sentence")) }] }]);
      return;
    }
    if (event.target.id === "merge-facts") {
      var picked = Array.prototype.map.call(document.querySelectorAll("input.pick-fact:checked"),
        function (box) { return box.value; });
      if (picked.length < 2) {
        showError("select two or more facts in the matrix to join them");
        return;
      }
      correct([{ op: "merge", facts: picked }]);
    }
  });

  function applySharedFilter() {
    var only = $("shared-only").checked;
    var rows = document.querySelectorAll("#matrix tbody tr");
    var visible = 0;
    rows.forEach(function (row) {
      row.hidden = only && row.classList.contains("single");
      if (!row.hidden) visible += 1;
    });
    $("matrix-count").textContent = "Showing " + visible + " of " + rows.length + " facts";
  }

  /* Where `needle` occurs in `text` at or after `from`: exactly, else ignoring punctuation, spaces and case (the
     service compares normalised text). Returns [start, end) in `text`, or null. */
  function locate(text, needle, from) {
    if (!needle) return null;
    var exact = text.indexOf(needle, from);
    if (exact >= 0) return [exact, exact + needle.length];
    var keep = /[\p{L}\p{N}]/u;
    var chars = [];
    var positions = [];
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      if (i >= from && keep.test(ch)) { chars.push(ch.toLowerCase()); positions.push(i); }
    }
    var wanted = Array.from(needle).filter(function (ch) { return keep.test(ch); }).join("").toLowerCase();
    if (!wanted) return null;
    var at = chars.join("").indexOf(wanted);
    if (at < 0) return null;
    return [positions[at], positions[at + wanted.length - 1] + 1];
  }

  /* Ranges to highlight per mention, from the `wording` differences' core spans: span `a` in the reference
     sentence, span `b` in the other outlet's. When an article has several sentences in the fact, the spans go to
     the one in which most of them are found. */
  function highlights(fact) {
    var marks = {};
    fact.differences.forEach(function (difference) {
      if (difference.kind !== "wording" || !difference.between || difference.between.length < 2) return;
      var who = difference.outlets || [];
      [["a", difference.between[0]], ["b", difference.between[1]]].forEach(function (pair) {
        var which = pair[0];
        var best = null;
        fact.mentions.forEach(function (mention) {
          if (mention.article_id !== pair[1]) return;
          var ranges = spanRanges(mention.text, difference.spans || [], which, who);
          if (!best || ranges.found > best.found) best = { mention: mention, ranges: ranges.core, found: ranges.found };
        });
        if (!best || !best.ranges.length) return;
        var key = best.mention.article_id + ":" + best.mention.sentence_index;
        marks[key] = (marks[key] || []).concat(best.ranges);
      });
    });
    return marks;
  }

  function spanRanges(text, spans, which, who) {
    var cursor = 0;
    var found = 0;
    var core = [];
    spans.forEach(function (span) {
      var needle = span[which];
      if (!needle) return;
      // spans come in reading order: look after the previous one first
      var at = locate(text, needle, cursor) || locate(text, needle, 0);
      if (!at) return;
      found += 1;
      cursor = Math.max(cursor, at[1]);
      if (span.where !== "core") return;
      core.push({ start: at[0], end: at[1], cls: which, title: (who[0] || "reference") + ": " +
        (span.a || "(nothing)") + " / " + (who[1] || "other") + ": " + (span.b || "(nothing)") });
    });
    return { found: found, core: core };
  }

  function markedText(text, ranges) {
    var node = el("p", { class: "text zh" });
    ranges = (ranges || []).slice().sort(function (x, y) { return x.start - y.start; });
    var at = 0;
    ranges.forEach(function (range) {
      if (range.start < at) return; // overlapping: keep the first
      if (range.start > at) append(node, text.slice(at, range.start));
      append(node, el("mark", { class: range.cls, title: range.title, text: text.slice(range.start, range.end) }));
      at = range.end;
    });
    if (at < text.length) append(node, text.slice(at));
    return node;
  }

  function renderWording(ctx) {
    var box = clear($("wording"));
    var shared = ctx.facts.filter(function (fact) { return fact.outlets.length > 1; });
    if (!shared.length) {
      append(box, el("p", { class: "muted", text: "No fact is reported by more than one outlet." }));
      return;
    }
    shared.forEach(function (fact) {
      var marks = highlights(fact);
      var wording = fact.differences.filter(function (d) { return d.kind === "wording" && d.between; })[0];
      var referenceArticle = wording ? wording.between[0] : fact.mentions[0].article_id;
      var key = function (m) { return m.article_id + ":" + m.sentence_index; };
      // the reference is one sentence: of its article's mentions, the one the differences were found in
      var candidates = fact.mentions.filter(function (m) { return m.article_id === referenceArticle; });
      var reference = candidates.filter(function (m) {
        return (marks[key(m)] || []).some(function (r) { return r.cls === "a"; });
      })[0] || candidates[0] || fact.mentions[0];
      var mentions = fact.mentions.slice().sort(function (x, y) {
        return (y === reference) - (x === reference) ||
          ctx.outlets.indexOf(x.outlet) - ctx.outlets.indexOf(y.outlet);
      });
      var columns = mentions.map(function (mention) {
        var isReference = mention === reference;
        return el("div", { class: "mention" + (isReference ? " reference" : "") }, [
          el("div", { class: "who" }, [outletLabel(ctx, mention.outlet),
            isReference ? el("span", { class: "chip", text: "reference" }) : null,
            mention.role && mention.role !== "body" ? el("span", { class: "chip role", text:
              mention.role === "heading" ? "subhead" : "caption" }) : null,
            confidenceChip(mention),
            el("button", { type: "button", class: "link-button unlink", "data-article": mention.article_id,
              "data-sentence": String(mention.sentence_index), title: "This sentence does not report this fact: " +
              "take it out (kept for every later comparison of these sentences)", text: "not the same" })]),
          markedText(mention.text, marks[key(mention)]),
          mentionMeta(mention)
        ]);
      });
      var labels = differenceLabels(fact, ctx);
      var missing = fact.missing && fact.missing.length ? " · not in " + fact.missing.join(", ") : "";
      append(box, el("article", { class: "fact", id: "fact-" + fact.id }, [
        el("header", null, [el("span", { class: "fact-num", text: "#" + ctx.number[fact.id] }),
          " reported by " + fact.outlets.join(", ") + missing,
          fact.corrected ? el("span", { class: "chip corrected", title: "changed by a reviewer's correction",
            text: "corrected" }) : null]),
        el("div", { class: "mentions" }, columns),
        labels.length ? el("ul", { class: "diffs" }, labels) : null
      ]));
    });
  }

  /* The link model's probability that this mention reports the fact's first mention's fact; none on the
     first mention itself (1) or on single-mention facts (null). */
  function confidenceChip(mention) {
    if (mention.confidence === null || mention.confidence === undefined || mention.confidence >= 1) return null;
    var level = mention.confidence >= 0.8 ? "high" : mention.confidence >= 0.6 ? "medium" : "low";
    return el("span", { class: "chip confidence " + level, title: "link confidence: the calibrated probability " +
      "that this sentence reports the same fact", text: Math.round(mention.confidence * 100) + "% sure" });
  }

  function mentionMeta(mention) {
    var framing = mention.framing;
    if (!framing) return null;
    var parts = [];
    var a = framing.attribution || {};
    if (a.type && a.type !== "unattributed") parts.push(ATTRIBUTION[a.type] || a.type);
    if (a.speaker) parts.push(a.speaker + (a.side ? " (" + side(a.side) + ")" : ""));
    if (a.verb) parts.push("verb " + a.verb + (a.verb_class ? " (" + a.verb_class + ")" : ""));
    (framing.hedges || []).forEach(function (h) { parts.push("hedge " + h); });
    (framing.scare_quotes || []).forEach(function (q) { parts.push("scare quote “" + q + "”"); });
    return parts.length ? el("div", { class: "meta", text: parts.join(" · ") }) : null;
  }

  function differenceLabels(fact, ctx) {
    var items = [];
    var label = function (kind, cls, text) {
      items.push(el("li", { class: "diff " + cls }, [el("span", { class: "kind", text: kind }), " ", text]));
    };
    fact.differences.forEach(function (d) {
      var values = d.values || {};
      var outlets = Object.keys(values);
      if (d.kind === "wording") {
        var swaps = (d.spans || []).filter(function (s) { return s.where === "core"; }).map(function (s) {
          return (s.a || "∅") + " → " + (s.b || "∅");
        });
        if (swaps.length) label("wording", "wording", (d.outlets || []).join(" → ") + ": " + swaps.join("; "));
      } else if (d.kind === "term") {
        label("term", "term", humanize(d.family) + (d.in_quote ? " (inside a quote)" : "") + ": " +
          outlets.map(function (o) {
            var seen = {};
            (values[o] || []).forEach(function (v) { seen[v.surface + " = " + humanize(v.value)] = true; });
            return o + " " + Object.keys(seen).join(", ");
          }).join(" · "));
      } else if (d.kind === "verb_class") {
        label("reporting verb", "verb", outlets.map(function (o) {
          return o + " " + values[o].verb + " (" + values[o]["class"] + ")";
        }).join(" · "));
      } else if (d.kind === "speaker") {
        label("speaker differs", "speaker", outlets.map(function (o) { return o + " " + values[o]; }).join(" · "));
      } else if (d.kind === "number") {
        label("numbers", "number", outlets.map(function (o) {
          return o + " " + [].concat(values[o]).join(", ");
        }).join(" · "));
      }
    });
    return items;
  }

  /* ---------- framing ---------- */

  function renderFraming(ctx) {
    var framing = ctx.result.framing;
    var cards = clear($("framing"));
    var differing = clear($("term-differences"));
    var reposts = clear($("reposts"));
    if (!framing) {
      append(cards, el("p", { class: "muted", text: "This comparison has no framing analysis." }));
      return;
    }
    var families = Object.keys(framing.term_differences || {});
    if (families.length) {
      var outlets = ctx.outlets.filter(function (o) {
        return families.some(function (f) { return framing.term_differences[f][o]; });
      });
      append(differing, [el("h3", { text: "Term choices that differ" }), el("div", { class: "scroll" },
        el("table", { class: "plain" }, [
          el("thead", null, el("tr", null, [el("th", { scope: "col", text: "Term family" })].concat(
            outlets.map(function (o) { return el("th", { scope: "col" }, outletLabel(ctx, o)); })))),
          el("tbody", null, families.map(function (family) {
            return el("tr", null, [el("th", { scope: "row", text: humanize(family) })].concat(outlets.map(function (o) {
              return el("td", { class: "zh", text: (framing.term_differences[family][o] || []).map(function (v) {
                var words = Object.keys(v.surfaces || {}).map(function (w) { return w + " ×" + v.surfaces[w]; });
                return humanize(v.value) + " ×" + v.count + (words.length ? " (" + words.join(", ") + ")" : "");
              }).join("; ") });
            })));
          }))
        ]))]);
    }
    Object.keys(framing.outlets).forEach(function (outlet) {
      append(cards, outletCard(ctx, outlet, framing.outlets[outlet], new Set(families)));
    });
    (framing.reposts || []).forEach(function (repost) {
      append(reposts, el("p", { class: "repost" }, [el("span", { class: "kind", text: "repost" }), " " + repost.copy +
        " via " + repost.via + " copies " + repost.original + ": " + (repost.retitled ? "retitled, " : "") +
        (repost.cut || []).length + " sentences cut, " + (repost.added || []).length + " added"]));
    });
  }

  function outletCard(ctx, outlet, profile, differing) {
    var coverage = (ctx.result.coverage || {})[outlet];
    var card = el("article", { class: "card", "data-outlet": outlet });
    append(card, el("h3", null, [outletLabel(ctx, outlet),
      ctx.names[outlet] && ctx.names[outlet] !== outlet ? el("span", { class: "muted zh", text: " " + ctx.names[outlet] }) : null]));
    if (coverage) {
      append(card, el("p", { class: "muted", text: coverage.present + " facts · " + coverage.unique + " only here · " +
        coverage.omitted + " left out" }));
    }

    var sources = profile.sources || [];
    append(card, section("Sources cited", sources.length ? el("ul", { class: "sources" }, sources.map(function (s) {
      return el("li", null, [el("span", { class: "zh", text: s.name }), " ",
        el("span", { class: "chip", text: humanize(s.kind) }), " ",
        el("span", { class: "chip side-" + s.side, text: side(s.side) }),
        s.affiliation ? el("span", { class: "muted zh", text: " " + s.affiliation }) : null,
        el("span", { class: "count", text: " ×" + s.count })]);
    })) : none()));

    var shares = profile.quote_share || {};
    var sides = Object.keys(shares);
    var bar = el("div", { class: "bar", role: "img", "aria-label": sides.map(function (k) {
      return side(k) + " " + percent(shares[k]);
    }).join(", ") });
    sides.forEach(function (k) {
      var part = el("span", { class: "side-" + k, title: side(k) + " " + percent(shares[k]) });
      part.style.width = (shares[k] * 100) + "%";
      append(bar, part);
    });
    append(card, section("Quoted text by side", sides.length ? [bar, el("ul", { class: "inline" }, sides.map(function (k) {
      return el("li", null, [el("span", { class: "swatch side-" + k }), side(k) + " " + percent(shares[k])]);
    }))] : none("no direct quotes")));

    var terms = profile.terms || {};
    append(card, section("Term choices", Object.keys(terms).length ? el("ul", { class: "terms" },
      Object.keys(terms).map(function (family) {
        return el("li", null, [el("span", { class: "family", text: humanize(family) }),
          differing.has(family) ? el("span", { class: "chip warn", text: "differs" }) : null, ": " +
          Object.keys(terms[family]).map(function (v) { return humanize(v) + " ×" + terms[family][v]; }).join(", ")]);
      })) : none()));

    var lead = profile.headline_lead || {};
    var factList = function (own) {  // [{fact, text}]: the fact in this outlet's own words
      own = (own || []).filter(function (m) { return ctx.byId[m.fact]; });
      if (!own.length) return none();
      return el("ol", { class: "fact-refs" }, own.map(function (m) {
        var id = m.fact, fact = ctx.byId[id];
        var text = snippet(m.text, 80);
        return el("li", null, [el(fact.outlets.length > 1 ? "a" : "span",
          { href: fact.outlets.length > 1 ? "#fact-" + id : null, class: "fact-num", text: "#" + ctx.number[id] }),
          " ", el("span", { class: "zh", text: text })]);
      }));
    };
    append(card, section("Headline", [el("p", { class: "zh", text: (lead.title || []).filter(Boolean).join(" / ") || "—" }),
      el("p", { class: "sub", text: "Facts in the headline" }), factList(lead.headline),
      el("p", { class: "sub", text: "Facts in the lead" }), factList(lead.lead)]));

    var counted = function (title, values, quote) {
      var keys = Object.keys(values || {});
      append(card, section(title, keys.length ? el("ul", { class: "inline zh" }, keys.map(function (k) {
        return el("li", { text: (quote ? "“" + k + "”" : k) + " ×" + values[k] });
      })) : none()));
    };
    counted("Scare quotes", profile.scare_quotes, true);
    counted("Hedges", profile.hedges, false);
    if (profile.evidentials && Object.keys(profile.evidentials).length) counted("Evidentials", profile.evidentials, false);
    return card;
  }

  function section(title, content) {
    return el("section", { class: "facet" }, [el("h4", { text: title })].concat(content));
  }

  function none(text) { return el("p", { class: "muted", text: text || "none" }); }

  /* ---------- wiring ---------- */

  function reset() {
    document.querySelectorAll("#seed-list input[type=checkbox]").forEach(function (box) { box.checked = false; });
    state.uploads = [];
    renderUploads();
    clear($("paste-list"));
    state.pastes = 0;
    addPaste();
    addPaste();
    hideError();
    setStatus("");
    $("results").hidden = true;
    history.replaceState(null, "", location.pathname + location.search);
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("compare-form").addEventListener("submit", compareAll);
    $("add-paste").addEventListener("click", function () { addPaste().querySelector("textarea").focus(); });
    $("clear").addEventListener("click", reset);
    $("shared-only").addEventListener("change", applySharedFilter);
    $("files").addEventListener("change", function (event) {
      Array.prototype.forEach.call(event.target.files, function (file) { state.uploads.push(file); });
      event.target.value = "";
      renderUploads();
    });
    addPaste();
    addPaste();
    loadSeeds();
    loadFromHash();
  });
})();
