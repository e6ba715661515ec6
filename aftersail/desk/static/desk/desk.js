// The desk's little JavaScript: the macro picker and live updates over a WebSocket.
(function () {
  "use strict";

  function setUpMacroPicker() {
    var picker = document.getElementById("macro-picker");
    var text = document.getElementById("reply-text");
    if (!picker || !text) return;
    picker.addEventListener("change", function () {
      var option = picker.options[picker.selectedIndex];
      if (option && option.dataset.text !== undefined) text.value = option.dataset.text;
      text.focus();
    });
  }

  function show(element, html) {
    element.textContent = html;
    element.hidden = false;
  }

  function setUpLive() {
    var live = document.getElementById("live");
    if (!live || !window.WebSocket) return;
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + live.dataset.socket);
    var presence = document.getElementById("presence");
    var others = {};
    socket.addEventListener("message", function (event) {
      var data = JSON.parse(event.data);
      if (data.type === "conversation.changed") {
        var notice = document.getElementById("live-notice");
        if (notice) notice.hidden = false;
        if (document.getElementById("thread")) refreshThread();
      } else if (data.type === "presence" && presence) {
        if (data.state === "left") delete others[data.agent];
        else others[data.agent] = data.state;
        var lines = Object.keys(others).map(function (name) {
          return others[name] === "replying"
            ? live.dataset.replying.replace("%s", name)
            : live.dataset.viewing.replace("%s", name);
        });
        if (lines.length) show(presence, lines.join(" "));
        else presence.hidden = true;
      }
    });
    var text = document.getElementById("reply-text");
    var typing = false;
    if (text) {
      text.addEventListener("input", function () {
        if (typing || socket.readyState !== 1) return;
        typing = true;
        socket.send(JSON.stringify({ type: "replying" }));
      });
    }
  }

  function refreshThread() {
    fetch(location.href, { credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("thread");
        var thread = document.getElementById("thread");
        if (fresh && thread) thread.innerHTML = fresh.innerHTML;
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpMacroPicker();
    setUpLive();
  });
})();
