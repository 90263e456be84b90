// Added by `tsunagu serve` only; never part of a build.
(function () {
  "use strict";
  var version = "__VERSION__";
  var OVERLAY = "tsunagu-overlay";

  function overlay() { return document.getElementById(OVERLAY); }
  function closeButton() {
    var o = overlay();
    return o && o.querySelector("[data-tsunagu-close]");
  }
  function hide() {
    var o = overlay();
    if (o) o.parentNode.removeChild(o);
  }
  function focusOverlay() {
    var b = closeButton();
    if (b) b.focus();
  }
  function show(html) {
    hide();
    document.body.insertAdjacentHTML("beforeend", html);
    focusOverlay();
  }

  document.addEventListener("click", function (e) {
    if (e.target.closest && e.target.closest("[data-tsunagu-close]")) hide();
  });
  document.addEventListener("keydown", function (e) {
    if (!overlay()) return;
    if (e.key === "Escape") {
      hide();
    } else if (e.key === "Tab") {
      // The dialog is modal: keep the focus on its only control.
      e.preventDefault();
      focusOverlay();
    }
  });
  focusOverlay();

  if (!window.EventSource) return;
  var events = new EventSource("/__tsunagu/events?since=" + encodeURIComponent(version));
  events.addEventListener("reload", function () {
    events.close();
    location.reload();
  });
  events.addEventListener("overlay", function (e) {
    show(JSON.parse(e.data));
  });
})();
