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
        if (document.getElementById("thread")) refresh("thread");
        else refresh("inbox-rows");
      } else if (data.type === "mention") {
        var notice = document.getElementById("live-notice");
        var link = document.getElementById("live-notice-link");
        if (link) link.href = "/desk/conversations/" + Number(data.conversation) + "/";
        if (notice) notice.hidden = false;
      } else if (data.type === "presence" && presence) {
        if (data.state === "left") delete others[data.agent];
        else others[data.agent] = data.state;
        var lines = Object.keys(others).map(function (name) {
          return others[name] === "replying"
            ? live.dataset.replying.replace("{name}", name)
            : live.dataset.viewing.replace("{name}", name);
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

  // Re-reads the page and swaps one part of it: the thread, or the inbox rows (keeping
  // the ticked boxes of a bulk selection in progress).
  function refresh(id) {
    fetch(location.href, { credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(id);
        var current = document.getElementById(id);
        if (!fresh || !current) return;
        var ticked = Array.prototype.map.call(
          current.querySelectorAll("input[name=ids]:checked"), function (box) { return box.value; });
        current.innerHTML = fresh.innerHTML;
        ticked.forEach(function (value) {
          var box = current.querySelector("input[name=ids][value='" + value + "']");
          if (box) box.checked = true;
        });
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpMacroPicker();
    setUpLive();
  });
})();
