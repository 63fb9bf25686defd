// Filters, keyboard navigation and chart clicks of the align report. The
// page works without it: every row is shown.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.bead"));
  var docs = Array.prototype.slice.call(document.querySelectorAll("section.doc"));
  var f = {
    doc: $("f-doc"), speech: $("f-speech"), code: $("f-code"), sev: $("f-sev"),
    type: $("f-type"), min: $("f-min"), max: $("f-max"), q: $("f-q")
  };
  var current = null;

  function val(el) { return el ? el.value : ""; }
  function num(el, dflt) { var x = parseFloat(val(el)); return isNaN(x) ? dflt : x; }

  function keep(r) {
    var d = r.dataset;
    if (val(f.doc) && d.doc !== val(f.doc)) return false;
    if (val(f.speech) && d.speech !== val(f.speech)) return false;
    var code = val(f.code);
    if (code === "*" && !d.codes) return false;
    if (code === "-" && d.codes) return false;
    if (code && code !== "*" && code !== "-" && (" " + d.codes + " ").indexOf(" " + code + " ") < 0) return false;
    if (val(f.sev) && d.sev !== val(f.sev)) return false;
    if (val(f.type) && d.type !== val(f.type)) return false;
    var s = parseFloat(d.score);
    if (s < num(f.min, 0) - 1e-9 || s > num(f.max, 1) + 1e-9) return false;
    var q = val(f.q).trim().toLowerCase();
    if (q && r.textContent.toLowerCase().indexOf(q) < 0) return false;
    return true;
  }

  function apply() {
    var shown = 0;
    rows.forEach(function (r) {
      var k = keep(r);
      r.hidden = !k;
      if (k) shown++;
    });
    docs.forEach(function (s) {
      s.hidden = !s.querySelector("tr.bead:not([hidden])");
    });
    // A speech heading shows when a bead of its speech does.
    Array.prototype.forEach.call(document.querySelectorAll("tr.heading"), function (h) {
      var any = false;
      for (var r = h.nextElementSibling; r && !r.classList.contains("heading"); r = r.nextElementSibling) {
        if (!r.hidden) { any = true; break; }
      }
      h.hidden = !any;
    });
    $("shown").textContent = shown + " of " + rows.length + " beads";
    $("nothing").hidden = shown > 0 || rows.length === 0;
    if (current && current.hidden) setCurrent(null);
  }

  function reset() {
    [f.doc, f.speech, f.code, f.sev, f.type, f.q].forEach(function (el) { if (el) el.value = ""; });
    f.min.value = "0";
    f.max.value = "1";
    apply();
  }

  function setCurrent(r) {
    if (current) current.classList.remove("current");
    current = r;
    if (!r) return;
    r.classList.add("current");
    r.scrollIntoView({ block: "center" });
    if (history.replaceState) history.replaceState(null, "", "#" + r.id);
  }

  function step(dir) {
    var flagged = rows.filter(function (r) { return !r.hidden && r.classList.contains("flagged"); });
    if (!flagged.length) return;
    var i = current ? flagged.indexOf(current) : -1;
    if (i < 0 && current) {
      // The current row is not flagged: go to the nearest flagged one in
      // document order.
      var pos = rows.indexOf(current);
      i = dir > 0 ? -1 : flagged.length;
      for (var j = 0; j < flagged.length; j++) {
        if (rows.indexOf(flagged[j]) > pos) { i = dir > 0 ? j - 1 : j; break; }
      }
    }
    i = (i + dir + flagged.length) % flagged.length;
    setCurrent(flagged[i]);
  }

  Object.keys(f).forEach(function (k) {
    if (!f[k]) return;
    f[k].addEventListener("input", apply);
    f[k].addEventListener("change", apply);
  });
  $("f-reset").addEventListener("click", reset);
  $("f-reset2").addEventListener("click", reset);
  $("next").addEventListener("click", function () { step(1); });
  $("prev").addEventListener("click", function () { step(-1); });

  function setFilter(spec) {
    var i = spec.indexOf("="), name = spec.slice(0, i), value = spec.slice(i + 1);
    if (name === "score") {
      var p = value.split("-");
      f.min.value = p[0];
      f.max.value = parseFloat(p[1]) >= 1 ? "1" : (parseFloat(p[1]) - 0.01).toFixed(2);
    } else if (f[name]) {
      f[name].value = value;
    }
    apply();
    var first = rows.filter(function (r) { return !r.hidden; })[0];
    if (first) first.scrollIntoView({ block: "start" });
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-set]"), function (el) {
    el.addEventListener("click", function () { setFilter(el.getAttribute("data-set")); });
    el.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); setFilter(el.getAttribute("data-set")); }
    });
  });

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var tag = (e.target.tagName || "").toLowerCase();
    var typing = tag === "input" || tag === "select" || tag === "textarea";
    if (e.key === "Escape") { if (typing) e.target.blur(); reset(); return; }
    if (typing) return;
    if (e.key === "j" || e.key === "n") { e.preventDefault(); step(1); }
    else if (e.key === "k" || e.key === "p") { e.preventDefault(); step(-1); }
    else if (e.key === "/") { e.preventDefault(); f.q.focus(); }
  });

  apply();
})();
