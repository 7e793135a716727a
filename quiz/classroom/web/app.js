// The student's page of a class quiz. It speaks docs/protocol.md (version 1)
// over ws(s)://<this host>/ws. Everything the server sends (names, bank text)
// is untrusted: it reaches the page through textContent and createElement,
// never as HTML. The server owns the timer and the answer key; this page only
// shows what it is told.
"use strict";

(function () {
  const VERSION = 1;
  const RETRY_MS = [500, 1000, 2000, 3000, 5000]; // then every 5 s
  const TOAST_MS = 4000;
  const PING_MS = 15000;
  const SILENT_MS = 40000; // no word from the host for this long: the link is dead
  const KEY_TOKEN = "quiz.token";
  const KEY_CODE = "quiz.code";
  const VIEWS = ["join", "wait", "lobby", "question", "reveal", "end", "gone"];
  const CLOSED_WHY = {
    time: "Time is up.",
    all_answered: "Everyone has answered.",
    teacher: "The teacher has closed this question.",
  };

  const $ = (id) => document.getElementById(id);

  const state = {
    ws: null,
    joined: false, // a welcome arrived on the current connection
    joining: false, // the join form is waiting for an answer
    final: false, // kicked or replaced: do not reconnect by ourselves
    code: "",
    me: null, // {id, name}
    anonymous: false,
    retry: 0,
    retryTimer: null,
    lastHeard: 0,
    started: false, // a question (or the end) has been seen in this session
    question: null, // the last question message
    answered: false, // the host has our answer (ack, or `answered` on a reconnect)
    pending: false, // an answer was sent and no ack has come yet
    open: false, // the host takes answers now (not paused, not closed)
    hintAsked: false,
    deadline: null, // performance.now() at which the countdown reaches zero
    tick: null,
    toastTimer: null,
  };

  // -- small helpers --------------------------------------------------------

  function remember(key, value) {
    try {
      if (value === null) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, value);
    } catch (e) {
      // Storage can be off (private modes); the page still works without resuming.
    }
  }

  function recall(key) {
    try {
      return sessionStorage.getItem(key);
    } catch (e) {
      return null;
    }
  }

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function sentence(text) {
    const s = String(text || "").trim();
    if (!s) return "";
    const first = s.charAt(0).toUpperCase() + s.slice(1);
    return /[.!?]$/.test(first) ? first : first + ".";
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  function shown(value) {
    // An answer in `value` form, as a student reads it.
    if (value === null || value === undefined) return "no answer";
    if (value === true) return "True";
    if (value === false) return "False";
    if (Array.isArray(value)) return value.map(String).join(", ");
    return String(value);
  }

  function show(name) {
    for (const v of VIEWS) $("view-" + v).hidden = v !== name;
  }

  function focusTitle(id) {
    const node = $(id);
    if (node) node.focus({ preventScroll: false });
  }

  function setConn(text) {
    const node = $("conn");
    node.textContent = text || "";
    node.hidden = !text;
  }

  function toast(text) {
    const node = $("toast");
    node.textContent = sentence(text);
    node.hidden = false;
    clearTimeout(state.toastTimer);
    state.toastTimer = setTimeout(() => {
      node.hidden = true;
    }, TOAST_MS);
  }

  function setScore(score) {
    const node = $("score");
    node.textContent = plural(score, "point", "points");
    node.hidden = false;
  }

  // -- the connection -------------------------------------------------------

  function socketUrl() {
    return (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws";
  }

  function send(message) {
    const ws = state.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return false;
    ws.send(JSON.stringify(message));
    return true;
  }

  function drop() {
    const old = state.ws;
    state.ws = null;
    state.joined = false;
    if (old) {
      old.onopen = old.onmessage = old.onclose = old.onerror = null;
      try {
        old.close();
      } catch (e) {
        // already closed
      }
    }
  }

  function connect(hello) {
    drop();
    clearTimeout(state.retryTimer);
    const ws = new WebSocket(socketUrl());
    state.ws = ws;
    state.lastHeard = Date.now();
    ws.onopen = () => send(hello);
    ws.onmessage = (event) => {
      if (state.ws !== ws) return;
      state.lastHeard = Date.now();
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (message && typeof message.type === "string") handle(message);
    };
    ws.onclose = (event) => {
      if (state.ws !== ws) return;
      state.ws = null;
      state.joined = false;
      lost(event.code);
    };
  }

  function lost(code) {
    if (code === 4000) {
      // The host took the same student on a newer connection (another tab).
      state.final = true;
      stopTimer();
      showGone("This quiz is open somewhere else (another tab or device).", "Continue here");
      return;
    }
    if (state.final) return;
    if (!recall(KEY_TOKEN)) {
      if (state.joining) {
        state.joining = false;
        joinBusy(false);
        joinProblem("Could not reach the quiz host. Check the link and try again.", null);
      }
      return;
    }
    const delay = RETRY_MS[Math.min(state.retry, RETRY_MS.length - 1)];
    state.retry += 1;
    setConn("Connection lost. Trying again in " + delay / 1000 + " s…");
    clearTimeout(state.retryTimer);
    state.retryTimer = setTimeout(resume, delay);
  }

  function resume() {
    const token = recall(KEY_TOKEN);
    const code = recall(KEY_CODE);
    if (!token || !code) {
      showJoin();
      return;
    }
    state.final = false;
    state.code = code;
    if (state.retry > 0) setConn("Reconnecting…");
    connect({ type: "hello", v: VERSION, code: code, token: token });
  }

  function keepAlive() {
    if (!state.ws || !state.joined) return;
    if (Date.now() - state.lastHeard > SILENT_MS) {
      drop();
      lost(1006);
      return;
    }
    send({ type: "ping" });
  }

  function reconnectNow() {
    // Back from a locked screen or a lost network: do not wait for the backoff.
    if (state.ws || state.final || !recall(KEY_TOKEN)) return;
    clearTimeout(state.retryTimer);
    resume();
  }

  // -- messages from the host ------------------------------------------------

  function handle(m) {
    switch (m.type) {
      case "welcome": return onWelcome(m);
      case "refused": return onRefused(m);
      case "lobby": return onLobby(m);
      case "question": return onQuestion(m);
      case "ack": return onAck(m);
      case "hint": return onHint(m);
      case "paused": return onPaused(m);
      case "resumed": return onResumed(m);
      case "closed": return onClosed(m);
      case "reveal": return onReveal(m);
      case "result": return onResult(m);
      case "end": return onEnd(m);
      case "kicked": return onKicked(m);
      case "error": return onError(m);
      default: return undefined; // pong, and anything newer than this page
    }
  }

  function onWelcome(m) {
    state.joined = true;
    state.joining = false;
    state.retry = 0;
    state.me = m.player || null;
    state.anonymous = Boolean(m.settings && m.settings.anonymous);
    remember(KEY_TOKEN, String(m.token));
    remember(KEY_CODE, state.code);
    setConn(null);
    joinBusy(false);
    const who = $("who");
    who.textContent = state.me ? String(state.me.name) : "";
    who.hidden = !state.me;
    setScore(Number(m.score) || 0);
    footer(m.bank || {});
  }

  function onRefused(m) {
    const reason = String(m.reason || "");
    const resuming = !state.joining;
    if (reason === "slow_down" && resuming) {
      setConn(sentence(m.message)); // keep the token; the backoff tries again
      return;
    }
    remember(KEY_TOKEN, null);
    state.joining = false;
    joinBusy(false);
    stopTimer();
    if (reason === "kicked") {
      state.final = true;
      showGone(sentence(m.message), "Back to the join form");
      return;
    }
    setConn(null);
    showJoin();
    let text = sentence(m.message);
    if (reason === "token") text = "Your place in the quiz could not be found. " + text;
    joinProblem(text, reason === "code" ? "join-code" : reason === "name" ? "join-name" : null);
  }

  function onLobby(m) {
    // Once the quiz has started there is no lobby to go back to: a late lobby
    // update (sent just before the start) must not hide the open question.
    if (state.started) return;
    show("lobby");
    const name = state.me ? String(state.me.name) : "";
    $("lobby-title").textContent = name ? "You're in, " + name + "!" : "You're in!";
    $("lobby-waiting").hidden = !m.waiting;
    $("lobby-ready").hidden = Boolean(m.waiting);
    const count = Number(m.count) || 0;
    $("lobby-count").textContent = plural(count, "player", "players") + " in the room";
    const list = $("lobby-names");
    list.replaceChildren();
    const names = Array.isArray(m.names) ? m.names : [];
    for (const n of names) {
      const item = el("li", n);
      if (n === name) item.className = "me";
      list.append(item);
    }
    list.hidden = names.length === 0;
  }

  function onQuestion(m) {
    const same = state.question && state.question.q === m.q;
    const lostAnswer = same && state.pending && (m.answered === null || m.answered === undefined);
    state.started = true;
    state.question = m;
    state.answered = m.answered !== null && m.answered !== undefined;
    state.pending = false;
    state.open = true;
    state.hintAsked = false;
    show("question");
    $("q-number").textContent = "Question " + m.number + " of " + m.total;
    $("q-points").textContent = plural(Number(m.points) || 0, "point", "points");
    $("q-prompt").textContent = String(m.prompt);
    $("q-paused").hidden = true;
    renderAnswer(m);
    const hints = $("q-hint-list");
    hints.replaceChildren();
    for (const text of Array.isArray(m.hints_taken) ? m.hints_taken : []) hints.append(el("li", text));
    hints.hidden = hints.childElementCount === 0;
    startTimer(m.remaining_ms);
    if (state.answered) {
      markGiven(m.answered);
      $("q-sent").textContent = "✓ Answer sent";
    } else {
      $("q-sent").textContent = lostAnswer ? "Your answer did not reach the host. Please answer again." : "";
    }
    refreshControls();
    if (!same) focusTitle("q-prompt");
  }

  function onAck(m) {
    if (!state.question || m.q !== state.question.q) return;
    state.answered = true;
    state.pending = false;
    $("q-sent").textContent = "✓ Answer sent";
    refreshControls();
  }

  function onHint(m) {
    if (!state.question || m.q !== state.question.q) return;
    state.hintAsked = false;
    const list = $("q-hint-list");
    list.append(el("li", m.text));
    list.hidden = false;
    $("q-points").textContent = "now " + plural(Number(m.points_left) || 0, "point", "points");
    refreshControls();
  }

  function onPaused(m) {
    if (!state.question || m.q !== state.question.q) return;
    state.open = false;
    stopTimer();
    showTime(m.remaining_ms);
    const notice = $("q-paused");
    notice.textContent = "Paused by the teacher.";
    notice.hidden = false;
    refreshControls();
  }

  function onResumed(m) {
    if (!state.question || m.q !== state.question.q) return;
    state.open = true;
    $("q-paused").hidden = true;
    startTimer(m.remaining_ms);
    refreshControls();
  }

  function onClosed(m) {
    if (!state.question || m.q !== state.question.q) return;
    state.open = false;
    state.pending = false;
    stopTimer();
    $("q-timer").hidden = true;
    const notice = $("q-paused");
    notice.textContent = CLOSED_WHY[m.why] || "Answers are closed.";
    notice.hidden = false;
    refreshControls();
  }

  function onReveal(m) {
    state.started = true;
    state.open = false;
    stopTimer();
    show("reveal");
    const q = state.question && state.question.q === m.q ? state.question : null;
    $("r-number").textContent = q ? "Question " + q.number + " of " + q.total : "Question " + (Number(m.q) + 1);
    const answer = $("r-answer");
    answer.replaceChildren();
    if (q && q.qtype === "order" && Array.isArray(m.correct)) {
      // An order reads best as the list it is.
      const steps = el("ol", null, "answer-steps");
      for (const item of m.correct) steps.append(el("li", item));
      answer.append(steps);
    } else {
      answer.textContent = String(m.answer);
    }
    $("r-result").hidden = true;
    const explanation = $("r-explanation");
    explanation.textContent = m.explanation ? String(m.explanation) : "";
    explanation.hidden = !m.explanation;

    const quotes = Array.isArray(m.evidence) ? m.evidence : [];
    const box = $("r-evidence");
    box.replaceChildren();
    if (m.section) box.append(el("p", "Section: " + m.section, "section"));
    for (const quote of quotes) {
      const block = el("blockquote");
      block.append(el("p", quote));
      box.append(block);
    }
    $("r-evidence-box").hidden = quotes.length === 0;

    renderBars(m.distribution || {});
    renderBoard($("r-top"), Array.isArray(m.top) ? m.top : [], "points");
    focusTitle("r-title");
  }

  function onResult(m) {
    const box = $("r-result");
    const verdict = $("r-verdict");
    const points = Number(m.points) || 0;
    if (m.correct) {
      verdict.textContent = "✓ Right! +" + plural(points, "point", "points");
      box.className = "result right";
    } else if (m.given === null || m.given === undefined) {
      verdict.textContent = "– No answer this time";
      box.className = "result none";
    } else {
      verdict.textContent = "✗ Not this time" + (points > 0 ? " (+" + plural(points, "point", "points") + ")" : "");
      box.className = "result wrong";
    }
    $("r-given").textContent = "You answered: " + shown(m.given);
    $("r-standing").textContent = "Score " + m.score + " · rank " + m.rank + " of " + m.of;
    box.hidden = false;
    setScore(Number(m.score) || 0);
  }

  function onEnd(m) {
    state.started = true;
    // The session is over: nothing to come back to, so no reconnecting (and a reload
    // shows the join form, not a page that knocks every few seconds).
    state.final = true;
    clearTimeout(state.retryTimer);
    remember(KEY_TOKEN, null);
    stopTimer();
    state.open = false;
    show("end");
    const podium = $("end-podium");
    podium.replaceChildren();
    const rows = Array.isArray(m.podium) ? m.podium : [];
    const places = ["1st", "2nd", "3rd"];
    for (const row of rows) {
      const item = el("li", null, "place place-" + row.rank);
      item.append(el("span", places[row.rank - 1] || row.rank + "th", "medal"));
      item.append(el("span", displayName(row.name), "name"));
      item.append(el("span", plural(Number(row.score) || 0, "point", "points"), "pts"));
      if (isMe(row.name)) item.classList.add("me");
      podium.append(item);
    }
    podium.hidden = rows.length === 0;
    const you = m.you || {};
    const box = $("end-you");
    box.replaceChildren();
    box.append(el("p", "You scored " + plural(Number(you.score) || 0, "point", "points") + ".", "verdict"));
    box.append(el("p", "Rank " + you.rank + " of " + you.of + "."));
    // `total` counts the questions played, not the bank's.
    box.append(el("p", you.correct + " right out of " + plural(Number(m.total) || 0, "question", "questions") + " (" + you.answered + " answered)."));
    setScore(Number(you.score) || 0);
    focusTitle("end-title");
  }

  function onKicked(m) {
    state.final = true;
    remember(KEY_TOKEN, null);
    stopTimer();
    setConn(null);
    showGone(sentence(m.message || "The teacher removed you from this session"), "Back to the join form");
  }

  function onError(m) {
    const code = String(m.code || "");
    if (code === "already_answered") {
      state.answered = true;
      $("q-sent").textContent = "✓ Answer sent";
    } else if (state.pending && code !== "too_fast") {
      state.pending = false; // refused: the student may try again while it is open
      $("q-sent").textContent = "";
    }
    if (code === "no_hints") state.hintAsked = false;
    refreshControls();
    toast(m.message || "The host refused that");
  }

  // -- views ------------------------------------------------------------------

  function showJoin() {
    state.started = false; // a new join may be to a new session
    state.question = null;
    show("join");
    joinBusy(false);
  }

  function showGone(text, again) {
    show("gone");
    $("gone-text").textContent = text;
    $("gone-again").textContent = again;
    focusTitle("gone-title");
  }

  function joinBusy(busy) {
    const button = $("join-button");
    button.disabled = busy;
    button.textContent = busy ? "Joining…" : "Join";
  }

  function joinProblem(text, field) {
    const node = $("join-error");
    node.textContent = text;
    node.hidden = !text;
    for (const id of ["join-code", "join-name"]) {
      $(id).setAttribute("aria-invalid", id === field ? "true" : "false");
    }
    if (field) $(field).focus();
  }

  function footer(bank) {
    const foot = $("foot");
    foot.replaceChildren();
    const source = String(bank.source || bank.title || "");
    if (!source) {
      foot.hidden = true;
      return;
    }
    foot.append(document.createTextNode("Questions based on the article "));
    const url = String(bank.url || "");
    // Only a web link may become a link: a bank could hold javascript: URLs.
    const title = /^https?:\/\//i.test(url) ? el("a", source) : el("cite", source);
    if (title.tagName === "A") {
      title.href = url;
      title.rel = "noopener noreferrer";
      title.target = "_blank";
    }
    foot.append(title);
    if (bank.license) foot.append(document.createTextNode(", licence " + bank.license));
    foot.append(document.createTextNode("."));
    foot.hidden = false;
    if (bank.title) document.title = "Class quiz: " + bank.title;
  }

  function displayName(name) {
    return name ? String(name) : "A player";
  }

  function isMe(name) {
    return Boolean(name) && state.me !== null && String(name) === String(state.me.name);
  }

  function renderBoard(list, rows, unit) {
    list.replaceChildren();
    for (const row of rows) {
      const item = el("li");
      item.append(el("span", row.rank, "rank"));
      item.append(el("span", displayName(row.name) + (isMe(row.name) ? " (you)" : ""), "name"));
      item.append(el("span", row.score + " " + unit, "pts"));
      if (isMe(row.name)) item.className = "me";
      list.append(item);
    }
    list.hidden = rows.length === 0;
  }

  function renderBars(dist) {
    const list = $("r-bars");
    list.replaceChildren();
    const labels = Array.isArray(dist.labels) ? dist.labels : [];
    const counts = Array.isArray(dist.counts) ? dist.counts : [];
    const right = Array.isArray(dist.correct) ? dist.correct : [];
    const most = Math.max(1, ...counts.map((c) => Number(c) || 0));
    labels.forEach((label, i) => {
      const count = Number(counts[i]) || 0;
      const item = el("li", null, right[i] ? "bar right" : "bar");
      const head = el("div", null, "bar-head");
      const name = el("span", null, "bar-label");
      if (right[i]) {
        name.append(el("span", "✓ ", "tick"));
        name.append(el("span", "correct: ", "sr-only"));
      }
      name.append(document.createTextNode(String(label)));
      head.append(name);
      head.append(el("span", count, "bar-count"));
      const track = el("div", null, "bar-track");
      const fill = el("div", null, "bar-fill");
      // CSSOM, not a style attribute: the page's CSP allows this.
      fill.style.width = (100 * count) / most + "%";
      track.append(fill);
      item.append(head, track);
      list.append(item);
    });
  }

  // -- answering --------------------------------------------------------------

  function optionKey(i) {
    // The number the host's screen and the terminal show for this option (read aloud
    // in class as "number two"); hidden from screen readers, which read the text.
    const key = el("span", String(i + 1), "key");
    key.setAttribute("aria-hidden", "true");
    return key;
  }

  function renderAnswer(m) {
    const area = $("q-answer");
    area.replaceChildren();
    const options = Array.isArray(m.options) ? m.options.map(String) : [];
    const kind = String(m.qtype);
    if (kind === "choice" || kind === "truefalse") {
      const group = el("div", null, kind === "truefalse" ? "options two" : "options");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", "Answers");
      options.forEach((option, i) => {
        const button = el("button", null, "option");
        button.append(optionKey(i), document.createTextNode(option));
        button.type = "button";
        button.dataset.value = option;
        button.setAttribute("aria-pressed", "false");
        button.addEventListener("click", () => {
          if (!submit(kind === "truefalse" ? option === "True" : option)) return;
          button.classList.add("chosen");
          button.setAttribute("aria-pressed", "true");
        });
        group.append(button);
      });
      area.append(group);
    } else if (kind === "multi") {
      const form = el("form", null, "multi");
      const set = el("fieldset");
      set.append(el("legend", "Pick every right answer"));
      options.forEach((option, i) => {
        const label = el("label", null, "check");
        const box = el("input");
        box.type = "checkbox";
        box.value = option;
        box.id = "multi-" + i;
        box.addEventListener("change", refreshControls);
        label.append(box, optionKey(i), el("span", option));
        set.append(label);
      });
      form.append(set, sendButton());
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const picked = [...form.querySelectorAll("input:checked")].map((b) => b.value);
        if (picked.length) submit(picked);
      });
      area.append(form);
    } else if (kind === "order") {
      const form = el("form", null, "order");
      form.append(el("p", "Put these in order, first at the top.", "help"));
      const list = el("ol", null, "order-list");
      for (const option of options) list.append(orderItem(option, list));
      form.append(list, sendButton());
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        submit([...list.children].map((item) => item.dataset.value));
      });
      area.append(form);
      refreshOrder(list);
    } else {
      const form = el("form", null, "typed");
      const label = el("label", "Your answer");
      label.htmlFor = "typed-answer";
      const row = el("div", null, "typed-row");
      const input = el("input");
      input.id = "typed-answer";
      input.type = "text";
      input.autocomplete = "off";
      input.maxLength = 500;
      input.spellcheck = false;
      if (kind === "number") input.inputMode = "decimal";
      input.addEventListener("input", refreshControls);
      row.append(input);
      if (m.unit) row.append(el("span", m.unit, "unit"));
      form.append(label, row, sendButton());
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const value = input.value.trim();
        if (value) submit(value);
      });
      area.append(form);
    }
  }

  function sendButton() {
    const button = el("button", "Send answer", "primary send");
    button.type = "submit";
    return button;
  }

  function orderItem(text, list) {
    const item = el("li", null, "order-item");
    item.dataset.value = text;
    item.append(el("span", text, "order-text"));
    const moves = el("span", null, "moves");
    for (const [dir, arrow, word] of [[-1, "↑", "up"], [1, "↓", "down"]]) {
      const button = el("button", arrow, "move");
      button.type = "button";
      button.setAttribute("aria-label", "Move “" + text + "” " + word);
      button.dataset.dir = String(dir);
      button.addEventListener("click", () => {
        const other = dir < 0 ? item.previousElementSibling : item.nextElementSibling;
        if (!other) return;
        if (dir < 0) list.insertBefore(item, other);
        else list.insertBefore(other, item);
        refreshOrder(list);
        if (!button.disabled) button.focus();
      });
      moves.append(button);
    }
    item.append(moves);
    return item;
  }

  function refreshOrder(list) {
    const items = [...list.children];
    items.forEach((item, i) => {
      const [up, down] = item.querySelectorAll("button.move");
      up.disabled = !canAnswer() || i === 0;
      down.disabled = !canAnswer() || i === items.length - 1;
    });
  }

  function markGiven(value) {
    const area = $("q-answer");
    const kind = state.question ? state.question.qtype : "";
    if (kind === "choice" || kind === "truefalse") {
      const label = kind === "truefalse" ? shown(value) : String(value);
      for (const button of area.querySelectorAll("button.option")) {
        const hit = button.dataset.value === label;
        button.classList.toggle("chosen", hit);
        button.setAttribute("aria-pressed", hit ? "true" : "false");
      }
    } else if (kind === "multi" && Array.isArray(value)) {
      for (const box of area.querySelectorAll("input[type=checkbox]")) box.checked = value.includes(box.value);
    } else if (kind === "order" && Array.isArray(value)) {
      const list = area.querySelector("ol");
      const items = new Map([...list.children].map((item) => [item.dataset.value, item]));
      for (const v of value) if (items.has(v)) list.append(items.get(v));
    } else {
      const input = area.querySelector("input");
      if (input) input.value = shown(value);
    }
  }

  function canAnswer() {
    return state.open && !state.answered && !state.pending;
  }

  function refreshControls() {
    const area = $("q-answer");
    const can = canAnswer();
    for (const node of area.querySelectorAll("button.option, input")) node.disabled = !can;
    const send = area.querySelector("button.send");
    if (send) {
      let ready = can;
      const kind = state.question ? state.question.qtype : "";
      if (kind === "multi") ready = ready && area.querySelector("input:checked") !== null;
      if (kind === "text" || kind === "number") {
        const input = area.querySelector("input");
        ready = ready && input !== null && input.value.trim() !== "";
      }
      send.disabled = !ready;
    }
    const list = area.querySelector("ol.order-list");
    if (list) refreshOrder(list);
    const q = state.question;
    const hint = $("q-hint-button");
    const taken = $("q-hint-list").childElementCount;
    const hints = q ? Number(q.hints) || 0 : 0;
    hint.hidden = hints === 0 || taken >= hints || state.answered;
    hint.disabled = !can || state.hintAsked;
    hint.textContent = "Show a hint (" + (taken + 1) + " of " + hints + ")";
  }

  function submit(value) {
    if (!canAnswer()) return false;
    if (!send({ type: "answer", q: state.question.q, value: value })) {
      toast("Not connected to the host; your answer was not sent. Try again in a moment");
      return false;
    }
    state.pending = true;
    $("q-sent").textContent = "Sending…";
    refreshControls();
    return true;
  }

  function askHint() {
    if (!canAnswer() || state.hintAsked || !state.question) return;
    if (send({ type: "hint", q: state.question.q })) {
      state.hintAsked = true;
      refreshControls();
    }
  }

  // -- the countdown (local; the host closes the question) ----------------------

  function startTimer(ms) {
    stopTimer();
    if (ms === null || ms === undefined) {
      $("q-timer").hidden = true;
      return;
    }
    state.deadline = performance.now() + Number(ms);
    drawTimer();
    state.tick = setInterval(drawTimer, 250);
  }

  function stopTimer() {
    clearInterval(state.tick);
    state.tick = null;
    state.deadline = null;
  }

  function drawTimer() {
    if (state.deadline === null) return;
    showTime(Math.max(0, state.deadline - performance.now()));
  }

  function showTime(ms) {
    const node = $("q-timer");
    if (ms === null || ms === undefined) {
      node.hidden = true;
      return;
    }
    const secs = Math.ceil(Number(ms) / 1000);
    const text = secs >= 60 ? Math.floor(secs / 60) + ":" + String(secs % 60).padStart(2, "0") : secs + " s";
    node.textContent = text + " left";
    node.setAttribute("aria-label", "Time left: " + plural(secs, "second", "seconds"));
    node.classList.toggle("low", secs <= 5);
    node.hidden = false;
  }

  // -- start ----------------------------------------------------------------------

  function start() {
    $("join-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const code = $("join-code").value.replace(/\D/g, "");
      const name = $("join-name").value.trim();
      if (!/^\d{6}$/.test(code)) {
        joinProblem("The room code is six digits: look at the teacher's screen.", "join-code");
        return;
      }
      if (!name) {
        joinProblem("Type the name the class knows you by.", "join-name");
        return;
      }
      joinProblem("", null);
      state.final = false;
      state.joining = true;
      state.code = code;
      joinBusy(true);
      const hello = { type: "hello", v: VERSION, code: code, name: name };
      if (state.ws && state.ws.readyState === WebSocket.OPEN && !state.joined) send(hello);
      else connect(hello);
    });
    $("q-hint-button").addEventListener("click", askHint);
    $("gone-again").addEventListener("click", () => {
      if (recall(KEY_TOKEN)) {
        show("wait");
        resume();
      } else {
        showJoin();
      }
    });
    window.addEventListener("online", reconnectNow);
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") reconnectNow();
    });
    setInterval(keepAlive, PING_MS);

    const fromLink = new URLSearchParams(location.search).get("code") || "";
    const code = /^\d{6}$/.test(fromLink) ? fromLink : recall(KEY_CODE) || "";
    $("join-code").value = code;
    if (recall(KEY_TOKEN) && recall(KEY_CODE)) {
      show("wait");
      resume();
    } else {
      showJoin();
    }
  }

  start();
})();
