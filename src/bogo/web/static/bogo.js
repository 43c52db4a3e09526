// bogo workbench: tabs on the document page, drag-and-drop upload, print button.
// Everything works without this file (the plain form and anchors); it only helps.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function showTabs() {
    var panels = document.querySelectorAll(".tab-panel");
    if (!panels.length) return;
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    var panel = target && (target.classList.contains("tab-panel") ? target : target.closest(".tab-panel"));
    if (!panel) panel = panels[0];
    panels.forEach(function (p) { p.classList.toggle("active", p === panel); });
    document.querySelectorAll(".tabs a").forEach(function (a) {
      a.classList.toggle("active", a.getAttribute("href") === "#" + panel.id);
    });
    if (target && target !== panel) target.scrollIntoView({block: "center"});
  }

  function dropUpload() {
    var form = document.getElementById("upload-form");
    var zone = document.getElementById("dropzone");
    if (!form || !zone) return;
    var input = form.querySelector("input[type=file]");
    var list = document.getElementById("chosen");
    function render() {
      list.textContent = "";
      Array.prototype.forEach.call(input.files, function (f) {
        var li = document.createElement("li");
        li.textContent = f.name + " (" + Math.ceil(f.size / 1024) + " KB)";
        list.appendChild(li);
      });
    }
    ["dragenter", "dragover"].forEach(function (ev) {
      zone.addEventListener(ev, function (e) { e.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (ev) {
      zone.addEventListener(ev, function () { zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; render(); }
    });
    input.addEventListener("change", render);
    form.addEventListener("submit", function () {
      var p = document.getElementById("upload-progress");
      if (p) p.hidden = false;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    showTabs();
    window.addEventListener("hashchange", showTabs);
    dropUpload();
    document.querySelectorAll(".print-button").forEach(function (b) {
      b.addEventListener("click", function () { window.print(); });
    });
  });
})();
