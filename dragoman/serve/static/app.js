// dragoman dashboard: charts (Vega-Lite, bundled), filter form, the paste-and-code box. No network but this server.
(function () {
  "use strict";
  var root = document.documentElement;

  // the filter form leaves empty fields out of the URL, so a shared view carries only its filters
  var form = document.getElementById("filters");
  if (form) {
    form.addEventListener("submit", function () {
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name && !el.value) el.disabled = true;
      });
    });
  }

  function renderCharts() {
    var boxes = document.querySelectorAll("[data-chart]");
    if (!boxes.length) return Promise.resolve();
    if (typeof window.vegaEmbed !== "function") return Promise.reject(new Error("the Vega bundle did not load"));
    return Promise.all(Array.prototype.map.call(boxes, function (box) {
      var spec = JSON.parse(document.getElementById("spec-" + box.dataset.chart).textContent);
      return window.vegaEmbed(box, spec, { actions: false, renderer: "svg" }).then(function () {
        box.dataset.rendered = "true";
      });
    }));
  }

  // a sentence as text nodes with <mark>s: trigger, actor, recipient, attribution (offsets into the article)
  var ORDER = { trigger: 0, actor: 1, recipient: 2, attributed_to: 3 };
  function highlight(sentence, start, trigger, entities) {
    var marks = new Array(sentence.length).fill("");
    var spans = [];
    if (trigger && trigger.start !== null) spans.push([trigger.start - start, trigger.end - start, "trigger"]);
    (entities || []).forEach(function (e) { if (e.start !== null) spans.push([e.start - start, e.end - start, e.role]); });
    spans.sort(function (a, b) { return ORDER[b[2]] - ORDER[a[2]]; });
    spans.forEach(function (s) { for (var i = Math.max(s[0], 0); i < Math.min(s[1], sentence.length); i++) marks[i] = s[2]; });
    var out = document.createElement("blockquote");
    out.className = "sentence";
    var i = 0;
    while (i < sentence.length) {
      var j = i;
      while (j < sentence.length && marks[j] === marks[i]) j++;
      var piece = sentence.slice(i, j);
      if (marks[i]) {
        var m = document.createElement("mark");
        m.className = marks[i];
        m.textContent = piece;
        out.appendChild(m);
      } else {
        out.appendChild(document.createTextNode(piece));
      }
      i = j;
    }
    return out;
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function parties(list) {
    return (list || []).map(function (p) { return p.entity_text + " (" + (p.code || "?") + (p.sector ? " " + p.sector : "") + ")"; }).join("; ");
  }

  var codeForm = document.getElementById("code-form");
  if (codeForm) {
    codeForm.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var status = document.getElementById("code-status");
      var results = document.getElementById("code-results");
      var text = document.getElementById("code-text").value;
      var date = document.getElementById("code-date").value;
      var url = new URL(window.location.href);
      if (date) url.searchParams.set("date", date); else url.searchParams.delete("date");
      window.history.replaceState(null, "", url.pathname + url.search);
      status.textContent = "coding…";
      root.dataset.coded = "pending";
      results.textContent = "";
      fetch("/api/code", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: text, date: date || null })
      }).then(function (r) {
        return r.json().then(function (body) { return { ok: r.ok, body: body }; });
      }).then(function (res) {
        if (!res.ok) {
          status.textContent = "";
          results.appendChild(el("p", res.body.error.message + ". " + res.body.error.fix, "error"));
          root.dataset.coded = "error";
          return;
        }
        var body = res.body;
        status.textContent = body.events.length + " event" + (body.events.length === 1 ? "" : "s") + " in " + body.seconds + " s";
        body.events.forEach(function (e) {
          var r = e.record;
          var box = el("div", undefined, "coded");
          box.dataset.event = r.event;
          box.appendChild(el("h3", r.event + " · CAMEO " + r.cameo + " · " + r.date + " (" + r.date_precision + ")" + (r.negated ? " · negated" : "") + (r.modality !== "asserted" ? " · " + r.modality : "")));
          box.appendChild(highlight(e.sentence.text, e.sentence.start, e.trigger, e.entities));
          box.appendChild(el("p", "actor: " + (parties(r.actor) || "—") + " · recipient: " + (parties(r.recipient) || "—") + " · rule " + r.rule, "note"));
          results.appendChild(box);
        });
        if (!body.events.length) results.appendChild(el("p", "No events found in this text.", "empty"));
        root.dataset.coded = "done";
      }).catch(function (err) {
        status.textContent = "";
        results.appendChild(el("p", String(err), "error"));
        root.dataset.coded = "error";
      });
    });
  }

  renderCharts().then(function () { root.dataset.ready = "true"; }, function (err) {
    root.dataset.ready = "error";
    console.error(err);
  });
})();
