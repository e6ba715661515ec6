/* Aftersail live-chat widget. Embed with one tag on the shop's pages:
 *   <script src="https://desk.example.com/chat/widget.js" data-store="my-store" async></script>
 * Vanilla JavaScript, no build step; everything lives in a shadow root so the shop's CSS and
 * the widget's never meet. UI texts come from the server in the visitor's language. */
(function () {
  "use strict";
  var script = document.currentScript || document.querySelector("script[data-store][src*='/chat/widget.js']");
  if (!script || window.__aftersailChat) return;
  window.__aftersailChat = true;
  var store = script.getAttribute("data-store") || "";
  var base = new URL(script.src, location.href);
  var wsUrl = (base.protocol === "https:" ? "wss://" : "ws://") + base.host + "/ws/chat/" + encodeURIComponent(store) + "/";
  var uploadUrl = base.origin + "/chat/" + encodeURIComponent(store) + "/upload/";
  var tokenKey = "aftersail-chat:" + store;
  // Filled in by the server with the texts in every shipped language; English stands in.
  var catalog = /*STRINGS*/{"en": {open: "Chat with us", close: "Close the chat", title: "Customer service",
    placeholder: "Type your message", send: "Send", attach: "Attach a file", typing: "Typing…", you: "You",
    agent: "Customer service", assistant: "Assistant", reconnecting: "Connection lost. Reconnecting…",
    connected: "Connected", email_label: "Your email address", email_submit: "Continue by email",
    transcript: "Email me a transcript", log: "Chat messages", transcript_sent: "We have sent the transcript to your email address.",
    upload_failed: "The file could not be sent.", too_fast: "You are sending messages too quickly. Please wait a moment."}};
  function pickLanguage() {
    var wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || "en"]);
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i]).toLowerCase();
      if (catalog[code]) return code;
      if (catalog[code.split("-")[0]]) return code.split("-")[0];
    }
    return "en";
  }
  var t = {};
  var initial = catalog[pickLanguage()] || catalog.en;
  for (var k in initial) t[k] = initial[k];

  var host = document.createElement("div");
  host.setAttribute("data-aftersail-chat", store);
  var root = host.attachShadow({mode: "open"});
  root.innerHTML =
    '<style>' +
    ':host{all:initial}*{box-sizing:border-box;font:15px/1.4 system-ui,sans-serif}' +
    '.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:24px;padding:12px 18px;background:#1d4ed8;color:#fff;cursor:pointer}' +
    '.launcher:focus-visible,button:focus-visible,textarea:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}' +
    '.panel{position:fixed;right:20px;bottom:76px;z-index:2147483000;width:min(360px,calc(100vw - 40px));height:min(520px,calc(100vh - 100px));display:flex;flex-direction:column;background:#fff;color:#111;border:1px solid #ccc;border-radius:12px;box-shadow:0 8px 24px rgba(0,0,0,.2)}' +
    '.panel[hidden]{display:none}header{display:flex;justify-content:space-between;align-items:center;padding:10px 14px;background:#1d4ed8;color:#fff;border-radius:12px 12px 0 0}' +
    'header button{background:none;border:0;color:#fff;font-size:20px;cursor:pointer}.log{flex:1;overflow-y:auto;padding:10px;margin:0;list-style:none}' +
    '.msg{margin:6px 0;padding:8px 10px;border-radius:10px;max-width:85%;white-space:pre-wrap;word-wrap:break-word}.msg.customer{margin-left:auto;background:#dbeafe}.msg.other{background:#f3f4f6}' +
    '.who{display:block;font-size:12px;color:#555}.status,.typing{padding:0 12px;font-size:13px;color:#555;min-height:18px}' +
    'form{display:flex;gap:6px;padding:8px;border-top:1px solid #eee}textarea,input[type=email]{flex:1;resize:none;border:1px solid #bbb;border-radius:8px;padding:6px}' +
    'button{border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;border-radius:8px;padding:6px 10px;cursor:pointer}.tools{display:flex;gap:6px;padding:0 8px 8px}.tools button,.tools label{background:#fff;color:#1d4ed8;font-size:13px}' +
    '.tools label{border:1px solid #1d4ed8;border-radius:8px;padding:6px 10px;cursor:pointer}.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}' +
    '</style>' +
    '<button class="launcher" type="button" aria-expanded="false" aria-controls="panel"></button>' +
    '<section class="panel" id="panel" role="dialog" aria-labelledby="title" hidden>' +
    '<header><strong id="title"></strong><button type="button" class="close"></button></header>' +
    '<ol class="log" role="log" aria-live="polite"></ol>' +
    '<div class="typing" aria-live="polite"></div><div class="status" role="status"></div>' +
    '<form class="email" hidden><label class="sr" for="email"></label><input id="email" type="email" autocomplete="email" required><button type="submit"></button></form>' +
    '<form class="compose"><label class="sr" for="text"></label><textarea id="text" rows="2" maxlength="4000"></textarea><button type="submit" class="send"></button></form>' +
    '<div class="tools"><label class="attach"><span></span><input type="file" class="sr"></label><button type="button" class="transcript"></button></div>' +
    '</section>';
  function $(selector) { return root.querySelector(selector); }
  var launcher = $(".launcher"), panel = $(".panel"), log = $(".log"), typingBox = $(".typing"), statusBox = $(".status");
  var compose = $(".compose"), text = $("#text"), emailForm = $(".email"), fileInput = $("input[type=file]");

  function applyStrings() {
    launcher.textContent = t.open; $("#title").textContent = t.title;
    $(".close").setAttribute("aria-label", t.close); $(".close").textContent = "×";
    log.setAttribute("aria-label", t.log); $("label[for=text]").textContent = t.placeholder;
    text.placeholder = t.placeholder; $(".send").textContent = t.send;
    $("label[for=email]").textContent = t.email_label; $("#email").placeholder = t.email_label;
    $(".email button").textContent = t.email_submit; $(".attach span").textContent = t.attach;
    $(".transcript").textContent = t.transcript;
  }
  applyStrings();

  var socket = null, token = null, attempts = 0, outbox = [], started = false, pingTimer = null;
  var seen = {};
  try { token = localStorage.getItem(tokenKey); } catch (e) { token = null; }

  function render(message) {
    if (message.id && seen[message.id]) return;
    if (message.id) seen[message.id] = true;
    var item = document.createElement("li");
    var mine = message.author === "customer";
    item.className = "msg " + (mine ? "customer" : "other");
    var who = document.createElement("span");
    who.className = "who";
    who.textContent = mine ? t.you : message.author === "assistant" ? t.assistant : (message.name || t.agent);
    var body = document.createElement("span");
    body.textContent = message.text;
    item.appendChild(who); item.appendChild(body);
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  function send(frame) {
    if (socket && socket.readyState === 1 && started) { socket.send(JSON.stringify(frame)); return true; }
    return false;
  }

  function connect() {
    socket = new WebSocket(wsUrl);
    socket.onopen = function () {
      var zone = "";
      try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
      socket.send(JSON.stringify({type: "start", token: token, language: navigator.language || "", time_zone: zone}));
    };
    socket.onmessage = function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      if (data.type === "session") {
        attempts = 0; started = true; token = data.token;
        try { localStorage.setItem(tokenKey, token); } catch (e) { /* private mode */ }
        for (var key in data.strings) t[key] = data.strings[key];
        applyStrings(); statusBox.textContent = "";
        log.textContent = ""; seen = {};
        data.history.forEach(render);
        showState(data.state);
        var pending = outbox; outbox = [];
        pending.forEach(function (frame) { if (!seen[frame.id]) { render({id: frame.id, author: "customer", text: frame.text}); } send(frame); });
        clearInterval(pingTimer);
        pingTimer = setInterval(function () { send({type: "ping"}); }, 15000);
      } else if (data.type === "message") {
        typingBox.textContent = ""; render(data);
      } else if (data.type === "typing") {
        typingBox.textContent = data.active ? t.typing : "";
      } else if (data.type === "state") {
        showState(data.state);
      } else if (data.type === "transcript_sent") {
        statusBox.textContent = t.transcript_sent;
      } else if (data.type === "error" && data.code === "too_fast") {
        statusBox.textContent = t.too_fast;
      }
    };
    socket.onclose = function () {
      started = false; clearInterval(pingTimer);
      statusBox.textContent = t.reconnecting;
      var delay = Math.min(30000, 1000 * Math.pow(2, attempts)) * (0.5 + Math.random() / 2);
      attempts += 1;
      setTimeout(connect, delay);
    };
  }

  function showState(state) { emailForm.hidden = state !== "ask_email"; }

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return String(Date.now()) + Math.random().toString(16).slice(2);
  }

  var typingSent = 0, typingStop = null;
  text.addEventListener("input", function () {
    var now = Date.now();
    if (now - typingSent > 2000) { typingSent = now; send({type: "typing", active: true}); }
    clearTimeout(typingStop);
    typingStop = setTimeout(function () { typingSent = 0; send({type: "typing", active: false}); }, 3000);
  });
  text.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); compose.requestSubmit(); }
  });
  compose.addEventListener("submit", function (event) {
    event.preventDefault();
    var value = text.value.trim();
    if (!value) return;
    var frame = {type: "message", id: newId(), text: value};
    render({id: frame.id, author: "customer", text: value});
    if (!send(frame)) outbox.push(frame);
    text.value = ""; clearTimeout(typingStop); typingSent = 0;
  });
  emailForm.addEventListener("submit", function (event) {
    event.preventDefault();
    send({type: "email", address: $("#email").value});
  });
  $(".transcript").addEventListener("click", function () { send({type: "transcript"}); });
  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    if (!file || !token) return;
    var form = new FormData();
    form.append("token", token); form.append("file", file);
    fetch(uploadUrl, {method: "POST", body: form}).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).then(function (message) { render(message); }).catch(function () { statusBox.textContent = t.upload_failed; });
    fileInput.value = "";
  });

  function toggle(open) {
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    if (open) { if (!socket) connect(); text.focus(); } else { launcher.focus(); }
  }
  launcher.addEventListener("click", function () { toggle(panel.hidden); });
  $(".close").addEventListener("click", function () { toggle(false); });
  root.addEventListener("keydown", function (event) { if (event.key === "Escape") toggle(false); });

  (document.body || document.documentElement).appendChild(host);
  if (token) connect();  // a returning visitor gets the replies that came while they were away
})();
