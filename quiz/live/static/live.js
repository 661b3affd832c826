// The live game's browser page: join, answer every question type, see each reveal.
// Plain JavaScript, served by the host itself: no framework, no request to any other site.
// Every text from the game is put in the page with textContent, never parsed as HTML.
// The protocol is described in docs/live.md; each question type's controls are in TYPES below.
"use strict";

const PROTOCOL_VERSION = 1;
const TOKEN_KEY = "quiz-live-token";

const STRINGS = {
  en: {
    "app.title": "Live quiz",
    "join.title": "Join the game",
    "join.code": "Game code (on the projector)",
    "join.name": "Your name",
    "join.class": "Class (optional)",
    "join.submit": "Join",
    "join.code_needed": "Type the code shown on the projector.",
    "join.name_needed": "Type your name.",
    "whoami": "{name} · {title}",
    "wait.lobby": "You're in! Waiting for the teacher to start…",
    "wait.players": "{count} players have joined.",
    "wait.next": "Waiting for the next question…",
    "wait.sent": "Answer sent ✓",
    "wait.sent_detail": "Wait for the reveal.",
    "wait.skipped": "The teacher skipped question {number}.",
    "wait.paused": "Paused by the teacher.",
    "status.connecting": "Connecting…",
    "status.lost": "Connection lost: trying again…",
    "status.back": "Back in the game.",
    "status.question": "Question {number} of {total}.",
    "question.where": "Question {number}/{total} · Skill: {skill} · {type}",
    "question.points": "{points} pts",
    "question.time_left": "◷ {seconds} s left",
    "question.no_timer": "◷ no time limit",
    "question.time_up": "◷ Time's up",
    "question.paused": "⏸ Paused",
    "question.send": "Send answer",
    "question.empty": "Give an answer first.",
    "question.not_a_number": "That is not a number: type digits, e.g. {thousands} or {decimal}.",
    "question.your_answer": "Your answer",
    "question.move_up": "Move “{item}” up",
    "question.move_down": "Move “{item}” down",
    "question.moved": "“{item}” is now {position} of {count}.",
    "question.hint.single": "Pick one answer (arrow keys, a letter or a number), then Send.",
    "question.hint.multiple": "Tick every right answer, then Send.",
    "question.hint.true_false": "Pick true or false, then Send.",
    "question.hint.numeric": "Type a number, then Send.",
    "question.hint.text": "Type your answer, then Send.",
    "question.hint.order": "Put the items in order with the ▲ ▼ buttons, then Send.",
    "question.hint.highlight": "Press the words to pick them (Tab moves between words), then Send.",
    "question.hint.categorize": "Put each statement in a category (arrow keys or a number), then Send.",
    "question.unsorted.one": "{count} statement still to sort.",
    "question.unsorted.other": "{count} statements still to sort.",
    "reveal.right": "✓ Right!",
    "reveal.partial": "◐ Partly right",
    "reveal.wrong": "✗ Wrong",
    "reveal.timed_out": "◷ ✗ No answer",
    "reveal.points": "+{points} points",
    "reveal.streak": "Streak: {streak} in a row",
    "reveal.standing": "Score {score} · Rank {rank} of {players}",
    "reveal.your_answer": "Your answer",
    "reveal.right_answer": "Right answer",
    "reveal.explanation": "Why",
    "reveal.evidence": "In the article",
    "reveal.answers": "The class's answers",
    "reveal.top": "Leaderboard",
    "reveal.wait": "Wait for the next question.",
    "bar.right_mark": "✓ right answer",
    "bar.count": "{count} answers",
    "bar.outcome.right": "✓ Right",
    "bar.outcome.partial": "◐ Partly right",
    "bar.outcome.wrong": "✗ Wrong",
    "bar.outcome.timed_out": "◷ No answer",
    "top.entry": "{name}: {score}",
    "error.wrong_code": "That is not this game's code: check the projector.",
    "error.name_taken": "Someone already plays under that name: pick another one.",
    "error.name_needed": "Type your name to join.",
    "error.full": "This game is full.",
    "error.game_over": "This game is over.",
    "error.kicked": "The teacher removed you from this game.",
    "error.replaced": "You joined this game again from somewhere else: this tab stops here.",
    "error.version": "This page is out of date: reload it.",
    "error.late": "Too late: the time for this question is up.",
    "error.paused": "The game is paused: wait for the teacher, then send your answer again.",
    "error.already_answered": "You have already answered this question.",
    "over.title": "Game over",
    "over.score": "Your score: {score} · Rank {rank} of {players}",
    "type.single": "One answer",
    "type.multiple": "Several answers",
    "type.true_false": "True or false",
    "type.numeric": "A number",
    "type.text": "Short answer",
    "type.order": "Put in order",
    "type.highlight": "Pick the words",
    "type.categorize": "Sort into groups",
    "skill.comprehension": "Comprehension",
    "skill.context": "Context",
    "skill.sourcing": "Sourcing",
    "skill.attribution": "Who said it",
    "skill.fact_vs_opinion": "Fact or opinion",
    "skill.missing_voices": "Missing voices",
    "skill.language": "Word choice",
    "skill.page_furniture": "Page furniture",
    "skill.lateral_reading": "Lateral reading",
  },
  fr: {
    "app.title": "Quiz en direct",
    "join.title": "Rejoindre la partie",
    "join.code": "Code de la partie (au tableau)",
    "join.name": "Ton nom",
    "join.class": "Classe (facultatif)",
    "join.submit": "Rejoindre",
    "join.code_needed": "Tape le code affiché au tableau.",
    "join.name_needed": "Tape ton nom.",
    "whoami": "{name} · {title}",
    "wait.lobby": "Tu es dans la partie ! On attend que l’enseignant commence…",
    "wait.players": "{count} joueurs ont rejoint la partie.",
    "wait.next": "On attend la question suivante…",
    "wait.sent": "Réponse envoyée ✓",
    "wait.sent_detail": "Attends la correction.",
    "wait.skipped": "L’enseignant a passé la question {number}.",
    "wait.paused": "Pause demandée par l’enseignant.",
    "status.connecting": "Connexion…",
    "status.lost": "Connexion perdue : nouvel essai…",
    "status.back": "De retour dans la partie.",
    "status.question": "Question {number} sur {total}.",
    "question.where": "Question {number}/{total} · Compétence : {skill} · {type}",
    "question.points": "{points} pts",
    "question.time_left": "◷ encore {seconds} s",
    "question.no_timer": "◷ pas de limite de temps",
    "question.time_up": "◷ Temps écoulé",
    "question.paused": "⏸ Pause",
    "question.send": "Envoyer",
    "question.empty": "Donne d’abord une réponse.",
    "question.not_a_number": "Ce n’est pas un nombre : tape des chiffres, par ex. {thousands} ou {decimal}.",
    "question.your_answer": "Ta réponse",
    "question.move_up": "Monter « {item} »",
    "question.move_down": "Descendre « {item} »",
    "question.moved": "« {item} » est maintenant en position {position} sur {count}.",
    "question.hint.single": "Choisis une réponse (flèches, lettre ou chiffre), puis Envoyer.",
    "question.hint.multiple": "Coche toutes les bonnes réponses, puis Envoyer.",
    "question.hint.true_false": "Choisis vrai ou faux, puis Envoyer.",
    "question.hint.numeric": "Tape un nombre, puis Envoyer.",
    "question.hint.text": "Tape ta réponse, puis Envoyer.",
    "question.hint.order": "Range les éléments avec les boutons ▲ ▼, puis Envoyer.",
    "question.hint.highlight": "Appuie sur les mots pour les choisir (Tab passe d’un mot à l’autre), puis Envoyer.",
    "question.hint.categorize": "Range chaque phrase dans une catégorie (flèches ou chiffre), puis Envoyer.",
    "question.unsorted.one": "Encore {count} phrase à classer.",
    "question.unsorted.other": "Encore {count} phrases à classer.",
    "reveal.right": "✓ Bonne réponse !",
    "reveal.partial": "◐ En partie juste",
    "reveal.wrong": "✗ Mauvaise réponse",
    "reveal.timed_out": "◷ ✗ Pas de réponse",
    "reveal.points": "+{points} points",
    "reveal.streak": "Série : {streak} d’affilée",
    "reveal.standing": "Score {score} · Rang {rank} sur {players}",
    "reveal.your_answer": "Ta réponse",
    "reveal.right_answer": "Bonne réponse",
    "reveal.explanation": "Pourquoi",
    "reveal.evidence": "Dans l’article",
    "reveal.answers": "Les réponses de la classe",
    "reveal.top": "Classement",
    "reveal.wait": "Attends la question suivante.",
    "bar.right_mark": "✓ bonne réponse",
    "bar.count": "{count} réponses",
    "bar.outcome.right": "✓ Juste",
    "bar.outcome.partial": "◐ En partie juste",
    "bar.outcome.wrong": "✗ Faux",
    "bar.outcome.timed_out": "◷ Pas de réponse",
    "top.entry": "{name} : {score}",
    "error.wrong_code": "Ce n’est pas le code de cette partie : regarde le tableau.",
    "error.name_taken": "Quelqu’un joue déjà sous ce nom : choisis-en un autre.",
    "error.name_needed": "Tape ton nom pour rejoindre la partie.",
    "error.full": "Cette partie est complète.",
    "error.game_over": "Cette partie est terminée.",
    "error.kicked": "L’enseignant t’a retiré de cette partie.",
    "error.replaced": "Tu as rejoint la partie ailleurs : cet onglet s’arrête ici.",
    "error.version": "Cette page n’est plus à jour : recharge-la.",
    "error.late": "Trop tard : le temps de cette question est écoulé.",
    "error.paused": "La partie est en pause : attends l’enseignant, puis renvoie ta réponse.",
    "error.already_answered": "Tu as déjà répondu à cette question.",
    "over.title": "Partie terminée",
    "over.score": "Ton score : {score} · Rang {rank} sur {players}",
    "type.single": "Une réponse",
    "type.multiple": "Plusieurs réponses",
    "type.true_false": "Vrai ou faux",
    "type.numeric": "Un nombre",
    "type.text": "Réponse courte",
    "type.order": "Remettre dans l’ordre",
    "type.highlight": "Choisir les mots",
    "type.categorize": "Classer en groupes",
    "skill.comprehension": "Compréhension",
    "skill.context": "Contexte",
    "skill.sourcing": "Sources",
    "skill.attribution": "Qui parle",
    "skill.fact_vs_opinion": "Fait ou opinion",
    "skill.missing_voices": "Voix absentes",
    "skill.language": "Choix des mots",
    "skill.page_furniture": "Habillage de la page",
    "skill.lateral_reading": "Lecture latérale",
  },
};

const ui = STRINGS[document.documentElement.dataset.ui] || STRINGS.en;

function t(key, values = {}) {
  const text = ui[key] || STRINGS.en[key] || key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

const $ = (id) => document.getElementById(id);
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function announce(text) {
  $("status").textContent = text;
}

// --- One entry per question type: its controls, and the answer they give (display positions) ---

function choiceControls(view, inputType) {
  const root = element("div", null, { class: "choices" });
  const name = `q${view.number}`;
  view.choices.forEach((text, position) => {
    const id = `${name}-${position}`;
    const row = element("div", null, { class: "choice" });
    const input = element("input", null, { type: inputType, name, id, value: String(position) });
    const label = element("label", null, { for: id });
    label.append(element("span", `${LETTERS[position]}.`, { class: "letter" }), " ", text);
    row.append(input, label);
    root.append(row);
  });
  // A choice's letter or number picks it, as in the terminal.
  root.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.key.length !== 1) return;
    const key = event.key.toUpperCase();
    let position = LETTERS.indexOf(key);
    if (/[1-9]/.test(key)) position = Number(key) - 1;
    const input = root.querySelectorAll("input")[position];
    if (position >= 0 && input) {
      input.click();
      input.focus();
      event.preventDefault();
    }
  });
  const picked = () =>
    [...root.querySelectorAll("input")].filter((i) => i.checked).map((i) => Number(i.value));
  return { root, picked, first: () => root.querySelector("input") };
}

function typedControl(view, numeric) {
  const root = element("p");
  const id = `q${view.number}-typed`;
  const input = element("input", null, { id, maxlength: "200", autocomplete: "off" });
  if (numeric) input.setAttribute("inputmode", "decimal");
  root.append(element("label", t("question.your_answer"), { for: id }), element("br"), input);
  if (view.unit) root.append(" ", element("span", view.unit));
  return { root, input, first: () => input };
}

// The core's rule (quiz/core/numbers.py), with the characters the view sends for the set's
// language: groups of exactly three digits after one kind of thousands separator, one decimal
// separator, an exponent. A form the rule cannot read for sure is refused, never guessed.
const escapeClass = (chars) => chars.replace(/[\\\]^-]/g, "\\$&");

function parseNumber(text, forms) {
  if (text.length > 100) return null; // MAX_NUMBER_CHARACTERS: no answer needs more
  const typed = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "").trim();
  const compact = typed
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, " ")
    .replaceAll("\u2212", "-")
    .replaceAll("\u2019", "'");
  const groups = escapeClass(forms.groups);
  const decimal = escapeClass(forms.decimal);
  const pattern = new RegExp(
    `^([+-]?)(?:(\\d{1,3}([${groups}])\\d{3}(?:\\3\\d{3})*|\\d+)(?:[${decimal}](\\d*))?` +
      `|[${decimal}](\\d+))(?:[eE]([+-]?\\d+))?$`,
  );
  const found = pattern.exec(compact);
  if (!found) return null;
  const whole = (found[2] || "0").split(found[3] || " ").join("");
  const value = Number(`${found[1]}${whole}.${found[4] || found[5] || "0"}e${found[6] || 0}`);
  return Number.isFinite(value) ? value : null;
}

const TYPES = {
  single: (view) => {
    const controls = choiceControls(view, "radio");
    return { ...controls, read: () => controls.picked().length ? { kind: "choice", selected: controls.picked() } : null };
  },
  multiple: (view) => {
    const controls = choiceControls(view, "checkbox");
    return { ...controls, read: () => controls.picked().length ? { kind: "choice", selected: controls.picked() } : null };
  },
  true_false: (view) => {
    const controls = choiceControls(view, "radio");
    return { ...controls, read: () => controls.picked().length ? { kind: "boolean", value: controls.picked()[0] === 0 } : null };
  },
  numeric: (view) => {
    const control = typedControl(view, true);
    return {
      ...control,
      read: () => {
        if (!control.input.value.trim()) return null;
        const forms = view.numbers;
        const value = parseNumber(control.input.value, forms);
        if (value === null) {
          const examples = { thousands: forms.thousands_example, decimal: forms.decimal_example };
          throw new Error(t("question.not_a_number", examples));
        }
        return { kind: "number", value };
      },
    };
  },
  text: (view) => {
    const control = typedControl(view, false);
    return { ...control, read: () => control.input.value.trim() ? { kind: "text", text: control.input.value } : null };
  },
  order: (view) => {
    const root = element("ol", null, { class: "order-list" });
    const order = view.items.map((_, position) => position);
    const draw = (focus) => {
      root.replaceChildren();
      order.forEach((item, place) => {
        const row = element("li");
        const text = view.items[item];
        const up = element("button", "▲", { type: "button", "aria-label": t("question.move_up", { item: text }) });
        const down = element("button", "▼", { type: "button", "aria-label": t("question.move_down", { item: text }) });
        up.disabled = place === 0;
        down.disabled = place === order.length - 1;
        up.addEventListener("click", () => move(place, -1, "up"));
        down.addEventListener("click", () => move(place, 1, "down"));
        row.append(element("span", text), up, down);
        root.append(row);
        if (focus && focus.item === item) (focus.which === "up" && !up.disabled ? up : down.disabled ? up : down).focus();
      });
    };
    const move = (place, step, which) => {
      const target = place + step;
      if (target < 0 || target >= order.length) return;
      [order[place], order[target]] = [order[target], order[place]];
      draw({ item: order[target], which });
      announce(t("question.moved", { item: view.items[order[target]], position: target + 1, count: order.length }));
    };
    draw(null);
    return { root, read: () => ({ kind: "order", order: [...order] }), first: () => root.querySelector("button:not([disabled])") };
  },
  categorize: categorizeControls,
  highlight: (view) => {
    const root = element("p", null, { class: "passage" });
    const picked = new Set();
    view.passage.forEach((part, index) => {
      if (index % 2 === 0) {
        root.append(part);
        return;
      }
      const word = (index - 1) / 2;
      const button = element("button", part, { type: "button", class: "word", "aria-pressed": "false" });
      button.addEventListener("click", () => {
        if (picked.has(word)) picked.delete(word);
        else picked.add(word);
        button.setAttribute("aria-pressed", String(picked.has(word)));
      });
      root.append(button);
    });
    return {
      root,
      read: () => picked.size ? { kind: "highlight", words: [...picked].sort((a, b) => a - b) } : null,
      first: () => root.querySelector("button"),
    };
  },
};

// One group of radio buttons per statement (its legend the statement, one radio per category),
// so a screen reader says which statement is being sorted and into what.
function categorizeControls(view) {
  const root = element("div", null, { class: "sorting" });
  view.items.forEach((text, position) => {
    const group = element("fieldset", null, { class: "statement" });
    group.append(element("legend", `${position + 1}. ${text}`));
    const name = `q${view.number}-item${position}`;
    view.categories.forEach((category, index) => {
      const id = `${name}-${index}`;
      const row = element("span", null, { class: "category" });
      const input = element("input", null, { type: "radio", name, id, value: String(index) });
      const label = element("label", null, { for: id });
      label.append(element("span", `${index + 1}.`, { class: "letter" }), " ", category);
      row.append(input, label);
      group.append(row);
    });
    // A category's number sorts the statement whose group has the focus, as in the terminal.
    group.addEventListener("keydown", (event) => {
      if (event.ctrlKey || event.altKey || event.metaKey || !/^[1-9]$/.test(event.key)) return;
      const input = group.querySelectorAll("input")[Number(event.key) - 1];
      if (input) {
        input.click();
        input.focus();
        event.preventDefault();
      }
    });
    root.append(group);
  });
  const placements = () =>
    [...root.querySelectorAll("fieldset")].map((group) => {
      const checked = group.querySelector("input:checked");
      return checked ? Number(checked.value) : null;
    });
  return {
    root,
    first: () => root.querySelector("input"),
    read: () => {
      const placed = placements();
      const unsorted = placed.filter((category) => category === null).length;
      if (unsorted === placed.length) return null;
      if (unsorted) throw new Error(t(`question.unsorted.${unsorted === 1 ? "one" : "other"}`, { count: unsorted }));
      return { kind: "categorize", placements: placed };
    },
  };
}

// --- The game --------------------------------------------------------------------------------

const state = {
  socket: null,
  joining: null, // {code, name, class_name} while a join is under way
  token: sessionStorage.getItem(TOKEN_KEY),
  welcome: null,
  question: null, // the open question's view
  controls: null,
  answered: false,
  deadline: null, // performance.now() when time is up; null without a limit
  paused: false,
  lastResult: null,
  retry: 1000,
  ended: false,
};

function show(viewId) {
  for (const id of ["join-view", "wait-view", "question-view", "reveal-view", "over-view"]) {
    $(id).hidden = id !== viewId;
  }
}

function wait(title, detail = "") {
  show("wait-view");
  $("wait-title").textContent = title;
  $("wait-detail").textContent = detail;
}

function connect() {
  announce(t("status.connecting"));
  const scheme = location.protocol === "https:" ? "wss://" : "ws://";
  const socket = new WebSocket(`${scheme}${location.host}/ws`);
  state.socket = socket;
  socket.addEventListener("open", () => {
    state.retry = 1000;
    if (state.token) send({ type: "rejoin", version: PROTOCOL_VERSION, token: state.token });
    else if (state.joining) send({ type: "join", version: PROTOCOL_VERSION, ...state.joining });
  });
  socket.addEventListener("message", (event) => {
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    const handle = HANDLERS[message.type];
    if (handle) handle(message);
  });
  socket.addEventListener("close", () => {
    if (state.socket !== socket || state.ended) return;
    state.socket = null;
    if (!state.token && !state.joining) return; // nothing to come back to
    announce(t("status.lost"));
    setTimeout(connect, state.retry);
    state.retry = Math.min(state.retry * 2, 8000);
  });
}

function send(message) {
  if (state.socket && state.socket.readyState === WebSocket.OPEN) state.socket.send(JSON.stringify(message));
}

const JOIN_ERRORS = new Set(["wrong_code", "name_needed", "name_taken", "full", "version", "unknown_token", "kicked", "game_over"]);

const HANDLERS = {
  welcome(message) {
    const rejoined = Boolean(state.welcome);
    state.welcome = message;
    state.token = message.token;
    state.joining = null;
    sessionStorage.setItem(TOKEN_KEY, message.token);
    $("game-title").textContent = message.game.title;
    $("whoami").textContent = t("whoami", { name: message.player, title: message.game.code });
    announce(rejoined ? t("status.back") : "");
  },
  lobby(message) {
    wait(state.lastResult ? t("wait.next") : t("wait.lobby"), t("wait.players", { count: message.players }));
    $("wait-title").focus();
  },
  question(message) {
    showQuestion(message.question, message.remaining, message.paused, message.answered);
  },
  ack() {
    state.answered = true;
    wait(t("wait.sent"), t("wait.sent_detail"));
    announce(t("wait.sent"));
  },
  paused(message) {
    state.paused = true;
    state.remainingAtPause = message.remaining;
    tick();
  },
  resumed(message) {
    state.paused = false;
    state.deadline = message.remaining === null ? null : performance.now() + message.remaining * 1000;
    tick();
  },
  skipped(message) {
    state.question = null;
    wait(t("wait.skipped", { number: message.question }), t("wait.next"));
    announce(t("wait.skipped", { number: message.question }));
  },
  reveal(message) {
    state.question = null;
    state.reveal = message;
    $("right-answer").textContent = message.key_text;
    $("explanation").textContent = message.explanation;
    $("evidence").textContent = `“${message.evidence}”`;
    drawBars(message);
    drawTop($("top"), message.top);
  },
  result(message) {
    state.lastResult = message;
    show("reveal-view");
    const verdict = $("verdict");
    verdict.textContent = `${t(`reveal.${message.outcome}`)} ${t("reveal.points", { points: message.points })}`;
    verdict.className = `verdict-${message.outcome}`;
    const parts = [t("reveal.standing", { score: message.score, rank: message.rank, players: message.players })];
    if (message.streak > 1) parts.push(t("reveal.streak", { streak: message.streak }));
    $("standing").textContent = parts.join(" · ");
    $("your-answer").textContent = message.answer_text;
    verdict.focus();
  },
  game_over(message) {
    state.ended = true;
    state.question = null;
    show("over-view");
    $("over-score").textContent = t("over.score", { score: message.score, rank: message.rank, players: message.players });
    drawTop($("over-top"), message.top);
    sessionStorage.removeItem(TOKEN_KEY);
    $("over-title").focus();
    if (state.socket) state.socket.close();
  },
  error(message) {
    const why = ui[`error.${message.code}`] ? t(`error.${message.code}`) : message.message;
    if (JOIN_ERRORS.has(message.code)) {
      state.token = null;
      state.joining = null;
      sessionStorage.removeItem(TOKEN_KEY);
      state.ended = message.code === "kicked" || message.code === "game_over";
      show("join-view");
      $("join-error").textContent = why;
      announce("");
      $("join-button").disabled = false;
      return;
    }
    if (state.question && !state.answered) {
      $("answer-error").textContent = why;
      $("send-answer").disabled = false;
    } else {
      announce(why);
    }
  },
};

function showQuestion(view, remaining, paused, answered) {
  state.question = view;
  state.answered = answered;
  state.paused = paused;
  state.remainingAtPause = remaining;
  state.deadline = remaining === null ? null : performance.now() + remaining * 1000;
  if (answered) {
    wait(t("wait.sent"), t("wait.sent_detail"));
    return;
  }
  show("question-view");
  const section = $("question-view");
  section.setAttribute("lang", view.language);
  const where = [t("question.where", { number: view.number, total: view.total, skill: t(`skill.${view.skill}`), type: t(`type.${view.type}`) })];
  if (view.max_points) where.push(t("question.points", { points: view.points }));
  $("question-where").textContent = where.join(" · ");
  $("prompt").textContent = view.prompt;
  $("question-hint").textContent = t(`question.hint.${view.type}`);
  $("answer-error").textContent = "";
  $("send-answer").disabled = false;
  const build = TYPES[view.type];
  state.controls = build ? build(view) : null;
  $("answer-area").replaceChildren(state.controls ? state.controls.root : element("p", view.type));
  announce(t("status.question", { number: view.number, total: view.total }));
  tick();
  const first = state.controls && state.controls.first && state.controls.first();
  (first || $("prompt")).focus();
}

function tick() {
  const timer = $("timer");
  if (!state.question) return;
  if (state.paused) {
    timer.textContent = t("question.paused");
    return;
  }
  if (state.deadline === null) {
    timer.textContent = t("question.no_timer");
    return;
  }
  const seconds = Math.max(0, Math.ceil((state.deadline - performance.now()) / 1000));
  timer.textContent = seconds > 0 ? t("question.time_left", { seconds }) : t("question.time_up");
  timer.classList.toggle("low", seconds <= 5);
  if (seconds === 0) $("send-answer").disabled = true;
}

function drawBars(reveal) {
  const list = $("bars");
  list.replaceChildren();
  const most = Math.max(1, ...reveal.bars.map((bar) => bar.count));
  reveal.bars.forEach((bar, position) => {
    const label = bar.outcome ? t(`bar.outcome.${bar.outcome}`) : `${LETTERS[position]}. ${bar.label}`;
    const row = element("li", null, bar.right ? { class: "right" } : {});
    row.append(element("span", label));
    if (bar.right && !bar.outcome) row.append(" ", element("span", `(${t("bar.right_mark")})`));
    const meter = element("progress", null, { max: String(most), value: String(bar.count), "aria-label": label });
    row.append(meter, " ", element("span", t("bar.count", { count: bar.count })));
    list.append(row);
  });
}

function drawTop(list, top) {
  list.replaceChildren();
  for (const entry of top) {
    const row = element("li", t("top.entry", { name: entry.name, score: entry.score }), { value: String(entry.rank) });
    list.append(row);
  }
}

function submitJoin(event) {
  event.preventDefault();
  const code = $("join-code").value.trim();
  const name = $("join-name").value.trim();
  if (!code) {
    $("join-error").textContent = t("join.code_needed");
    $("join-code").focus();
    return;
  }
  if (!name) {
    $("join-error").textContent = t("join.name_needed");
    $("join-name").focus();
    return;
  }
  $("join-error").textContent = "";
  $("join-button").disabled = true;
  state.ended = false;
  state.joining = { code, name, class_name: $("join-class").value.trim() || null };
  if (state.socket && state.socket.readyState === WebSocket.OPEN) {
    send({ type: "join", version: PROTOCOL_VERSION, ...state.joining });
  } else if (!state.socket) {
    connect();
  }
}

function submitAnswer(event) {
  event.preventDefault();
  if (!state.question || !state.controls || state.answered) return;
  let answer;
  try {
    answer = state.controls.read();
  } catch (error) {
    $("answer-error").textContent = error.message;
    return;
  }
  if (answer === null) {
    $("answer-error").textContent = t("question.empty");
    return;
  }
  $("answer-error").textContent = "";
  $("send-answer").disabled = true;
  send({ type: "answer", question: state.question.number, answer });
}

function start() {
  for (const node of document.querySelectorAll("[data-text]")) node.textContent = t(node.dataset.text);
  document.title = t("app.title");
  $("join-form").addEventListener("submit", submitJoin);
  $("answer-form").addEventListener("submit", submitAnswer);
  const code = new URLSearchParams(location.search).get("code");
  if (code) $("join-code").value = code.slice(0, 16);
  setInterval(tick, 250);
  if (state.token) connect(); // this tab was in a game: go back in
  else $(code ? "join-name" : "join-code").focus();
}

start();
