// notelint's page: lint the draft as the writer types, through /api/lint (the same
// Linter as `notelint check`), and show the findings in place, in a list and as a
// checklist. No framework and nothing fetched from elsewhere; the draft is kept only in
// the text area (no storage, no cookies).
"use strict";

(() => {
  const DEBOUNCE_MS = 350;
  const SEVERITY_TEXT = { error: "Error", warning: "Warning", info: "Info" };
  const CONTEXT_FIELDS = ["interviewer", "company", "position", "interview_date"];

  const $ = (id) => document.getElementById(id);
  const draft = $("draft");
  const backdrop = $("backdrop");
  const editor = $("editor");
  const popover = $("popover");
  const statusLine = $("status");
  const checklistList = $("checklist");
  const findingsList = $("findings");

  let findings = []; // the last answer's findings, offsets kept in step with edits
  let report = []; // the last answer's findings as `notelint check --format json` has them
  let maxBytes = 100000;
  let timer = null;
  let sequence = 0;
  let lastText = draft.value;
  let shownFinding = null; // the finding in the popover
  let hideTimer = null;
  let checkedRequest = null; // the draft and context the findings are for

  // ---------------------------------------------------------------- linting
  function contextValues() {
    const context = {};
    for (const name of CONTEXT_FIELDS) context[name] = $(name).value;
    return context;
  }

  function scheduleLint() {
    clearTimeout(timer);
    timer = setTimeout(lintNow, DEBOUNCE_MS);
  }

  async function lintNow() {
    clearTimeout(timer);
    const mine = ++sequence;
    const sent = draft.value;
    const body = currentRequest();
    const size = new Blob([body]).size;
    if (size > maxBytes) {
      say(`The draft is too long to check: ${size.toLocaleString("en")} bytes, and the ` +
        `limit is ${maxBytes.toLocaleString("en")}. A thank-you note is rarely over 2,000.`,
        true);
      return;
    }
    let answer;
    let data;
    try {
      answer = await fetch("/api/lint", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
      });
      data = await answer.json();
    } catch (error) {
      if (mine === sequence) say("Could not reach notelint: is `notelint serve` still running?", true);
      return;
    }
    if (mine !== sequence || draft.value !== sent) return; // a newer check is on its way
    if (!answer.ok) {
      say(data.error || `The check failed (${answer.status}).`, true);
      return;
    }
    checkedRequest = body;
    show(data);
  }

  function currentRequest() {
    return JSON.stringify({ text: draft.value, context: contextValues() });
  }

  function show(data) {
    // An empty draft is not a flawed one: the checklist is a list of things to do.
    const empty = !draft.value.trim();
    findings = empty ? [] : data.findings.map((finding, index) => ({ ...finding, id: index }));
    report = empty ? [] : data.report;
    renderFieldErrors(data.field_errors || {});
    renderHighlights();
    renderFindings();
    const toDo = (entry) => ({ ...entry, state: entry.state === "off" ? "off" : "todo", findings: [] });
    renderChecklist(empty ? data.checklist.map(toDo) : data.checklist);
    const words = data.words;
    $("word-count").textContent = `${words} word${words === 1 ? "" : "s"}`;
    if (data.note_error) {
      say(`The draft could not be read: ${data.note_error}`, true);
    } else {
      say(empty ? "Paste or write your draft to check it." : summary());
    }
    refreshPopoverFromCaret();
  }

  function summary() {
    if (!findings.length) return "Checked: no findings.";
    const counts = {};
    for (const finding of findings) counts[finding.severity] = (counts[finding.severity] || 0) + 1;
    const parts = Object.keys(SEVERITY_TEXT)
      .filter((severity) => counts[severity])
      .map((severity) => `${counts[severity]} ${severity}${counts[severity] === 1 ? "" : "s"}`);
    const total = findings.length;
    return `Checked: ${total} finding${total === 1 ? "" : "s"} (${parts.join(", ")}).`;
  }

  function say(message, isError = false) {
    if (statusLine.textContent !== message) statusLine.textContent = message;
    statusLine.classList.toggle("error", isError);
  }

  // ---------------------------------------------------------------- keeping up with edits
  // Between an edit and the next answer, move the findings after the edit along with the
  // text, and drop the ones the edit touched, so no highlight sits on the wrong words.
  function followEdit(before, after) {
    if (before === after) return;
    let prefix = 0;
    const shortest = Math.min(before.length, after.length);
    while (prefix < shortest && before[prefix] === after[prefix]) prefix++;
    let suffix = 0;
    while (
      suffix < shortest - prefix &&
      before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
    ) suffix++;
    const changedEnd = before.length - suffix;
    const delta = after.length - before.length;
    // Where a range is after the edit, or null when the edit touched it.
    const moved = (start, end) => {
      if (end <= prefix) return [start, end];
      if (start >= changedEnd) return [start + delta, end + delta];
      return null;
    };
    findings = findings.filter((finding) => {
      if (!finding.whole_note) {
        const span = moved(finding.start, finding.end);
        if (!span) return false;
        [finding.start, finding.end] = span;
      }
      finding.fixes = finding.fixes.filter((option) => option.edits.every((edit) => {
        const range = moved(edit.start, edit.end);
        if (range) [edit.start, edit.end] = range;
        return range !== null;
      }));
      return true;
    });
  }

  // ---------------------------------------------------------------- highlights in place
  function inPlace() {
    return findings.filter((finding) => !finding.whole_note && finding.end > finding.start);
  }

  function renderHighlights() {
    const text = draft.value;
    const fragment = document.createDocumentFragment();
    let position = 0;
    const sorted = inPlace().sort((a, b) => a.start - b.start || b.end - a.end);
    for (const finding of sorted) {
      if (finding.start < position) continue; // overlapping: it is still in the list
      fragment.append(text.slice(position, finding.start));
      const mark = document.createElement("mark");
      mark.className = `hl sev-${finding.severity}`;
      mark.dataset.finding = String(finding.id);
      mark.dataset.rule = finding.rule;
      mark.dataset.severity = finding.severity;
      mark.textContent = text.slice(finding.start, finding.end);
      fragment.append(mark);
      position = finding.end;
    }
    // A trailing newline needs a character after it to take up its line.
    fragment.append(text.slice(position) + "\u200b");
    backdrop.replaceChildren(fragment);
    fitHeight();
  }

  function fitHeight() {
    draft.style.height = "auto";
    draft.style.height = `${draft.scrollHeight + 4}px`;
  }

  function markFor(finding) {
    return backdrop.querySelector(`mark[data-finding="${finding.id}"]`);
  }

  // ---------------------------------------------------------------- the popover
  function describe(container, finding, withShow) {
    const head = document.createElement("p");
    const severity = document.createElement("span");
    severity.className = `severity sev-${finding.severity}`;
    severity.textContent = SEVERITY_TEXT[finding.severity] || finding.severity;
    const rule = document.createElement("span");
    rule.className = "rule-id";
    rule.textContent = finding.rule;
    head.append(severity, " ", rule, " ");
    const where = document.createElement("span");
    where.className = "where";
    where.textContent = finding.whole_note ? "(the whole note)" : `(line ${finding.line})`;
    head.append(where);
    const message = document.createElement("p");
    message.className = "message";
    message.textContent = finding.message;
    container.append(head, message);
    const actions = document.createElement("div");
    actions.className = "actions";
    if (withShow && !finding.whole_note && finding.end > finding.start) {
      const showButton = document.createElement("button");
      showButton.type = "button";
      showButton.className = "show";
      showButton.textContent = "Show in the draft";
      showButton.addEventListener("click", () => selectInDraft(finding));
      actions.append(showButton);
    }
    finding.fixes.forEach((option, index) => {
      const fixButton = document.createElement("button");
      fixButton.type = "button";
      fixButton.className = index ? "fix alternative" : "fix";
      fixButton.textContent = option.title;
      fixButton.addEventListener("click", () => applyFix(option));
      actions.append(fixButton);
    });
    return actions;
  }

  function openPopover(finding) {
    clearTimeout(hideTimer);
    const mark = markFor(finding);
    if (!mark) return hidePopover();
    if (shownFinding !== finding) {
      shownFinding = finding;
      popover.replaceChildren();
      const actions = describe(popover, finding, false);
      const why = document.createElement("p");
      why.className = "why";
      why.textContent = `Why: ${finding.why}`;
      popover.append(why, actions);
    }
    for (const other of backdrop.querySelectorAll("mark.active")) other.classList.remove("active");
    mark.classList.add("active");
    popover.hidden = false;
    const area = editor.getBoundingClientRect();
    const box = mark.getClientRects()[0] || mark.getBoundingClientRect();
    const width = popover.offsetWidth;
    const left = Math.max(0, Math.min(box.left - area.left, area.width - width));
    popover.style.left = `${left}px`;
    popover.style.top = `${box.bottom - area.top + 6}px`;
  }

  function hidePopover() {
    clearTimeout(hideTimer);
    shownFinding = null;
    popover.hidden = true;
    for (const mark of backdrop.querySelectorAll("mark.active")) mark.classList.remove("active");
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => {
      if (!popover.matches(":hover") && !popover.contains(document.activeElement)) {
        if (!caretFinding()) hidePopover();
      }
    }, 400);
  }

  function findingAtPoint(x, y) {
    for (const mark of backdrop.querySelectorAll("mark.hl")) {
      for (const rect of mark.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) {
          return findings.find((finding) => String(finding.id) === mark.dataset.finding);
        }
      }
    }
    return null;
  }

  function caretFinding() {
    if (document.activeElement !== draft) return null;
    const caret = draft.selectionStart;
    return inPlace().find((finding) => finding.start <= caret && caret <= finding.end &&
      markFor(finding)) || null;
  }

  function refreshPopoverFromCaret() {
    const finding = caretFinding();
    if (finding) openPopover(finding);
    else if (shownFinding && !popover.matches(":hover") && !popover.contains(document.activeElement)) {
      hidePopover();
    }
  }

  // ---------------------------------------------------------------- fixes
  function applyFix(option) {
    if (option.edits.some((edit) => draft.value.slice(edit.start, edit.end) !== edit.was)) {
      say("The draft has changed since it was checked; checking it again.", true);
      lintNow();
      return;
    }
    hidePopover();
    draft.focus();
    // The last edit first, so that the offsets of the others still hold.
    for (const edit of [...option.edits].sort((a, b) => b.start - a.start)) {
      replaceRange(edit.start, edit.end, edit.content);
    }
    say(`Fixed: ${option.title}. Checking again.`);
    lintNow();
  }

  function replaceRange(start, end, content) {
    if (start === end && !content) return;
    draft.setSelectionRange(start, end);
    const expected = draft.value.slice(0, start) + content + draft.value.slice(end);
    // execCommand keeps the browser's undo history (Ctrl+Z takes the fix back).
    if (document.execCommand) {
      document.execCommand(content ? "insertText" : "delete", false, content);
    }
    if (draft.value !== expected) {
      draft.value = expected;
      draft.setSelectionRange(start + content.length, start + content.length);
      draft.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  function selectInDraft(finding) {
    draft.focus();
    draft.setSelectionRange(finding.start, finding.end);
    const mark = markFor(finding);
    if (mark) mark.scrollIntoView({ block: "center" });
    openPopover(finding);
  }

  // ---------------------------------------------------------------- the list and checklist
  function renderFindings() {
    findingsList.replaceChildren();
    // Findings on words first, in reading order; then those about the whole note.
    const ordered = [...findings].sort((a, b) =>
      Number(a.whole_note) - Number(b.whole_note) || a.start - b.start || a.id - b.id);
    for (const finding of ordered) {
      const item = document.createElement("li");
      item.className = `finding sev-${finding.severity}`;
      item.id = `finding-${finding.id}`;
      item.tabIndex = -1;
      item.dataset.rule = finding.rule;
      const actions = describe(item, finding, true);
      const why = document.createElement("details");
      const summaryLine = document.createElement("summary");
      summaryLine.textContent = "Why";
      const reason = document.createElement("p");
      reason.textContent = finding.why;
      why.append(summaryLine, reason);
      item.append(why, actions);
      findingsList.append(item);
    }
    $("findings-count").textContent = `(${findings.length})`;
    const none = $("no-findings");
    none.hidden = findings.length > 0;
    none.textContent = draft.value.trim()
      ? "No findings: the note follows the advice."
      : "Nothing to report yet.";
  }

  function renderChecklist(items) {
    checklistList.replaceChildren();
    for (const entry of items) {
      const item = document.createElement("li");
      item.className = `check ${entry.state}`;
      item.id = `check-${entry.key}`;
      item.dataset.state = entry.state;
      const mark = document.createElement("span");
      mark.className = "mark";
      mark.setAttribute("aria-hidden", "true");
      mark.textContent = { met: "\u2713", missing: "\u2717", off: "\u2013", todo: "\u25cb" }[entry.state];
      const label = document.createElement("span");
      label.className = "label";
      const state = document.createElement("span");
      state.className = "state";
      state.textContent = {
        met: "Met", missing: "Missing", off: "Not checked", todo: "To do",
      }[entry.state];
      label.append(state, ": ", entry.label);
      item.append(mark, label);
      if (entry.findings.length) {
        const detail = document.createElement("p");
        detail.className = "detail";
        entry.findings.forEach((index, n) => {
          const link = document.createElement("a");
          link.href = `#finding-${index}`;
          link.className = "check-link";
          link.textContent = linkText(findings[index]);
          link.addEventListener("click", (event) => {
            event.preventDefault();
            focusFinding(index);
          });
          if (n) detail.append(", ");
          detail.append(link);
        });
        item.append(detail);
      }
      checklistList.append(item);
    }
  }

  // A link to a finding says which words it is about, or that it is about the note.
  function linkText(finding) {
    if (!finding || finding.whole_note || finding.end <= finding.start) return "See the finding";
    const words = finding.flagged.replace(/\s+/g, " ").trim();
    return `\u201c${words.length > 40 ? `${words.slice(0, 39)}\u2026` : words}\u201d`;
  }

  function focusFinding(index) {
    const item = $(`finding-${index}`);
    if (!item) return;
    item.scrollIntoView({ block: "center" });
    item.focus();
    item.classList.add("flash");
    setTimeout(() => item.classList.remove("flash"), 1500);
  }

  function renderFieldErrors(errors) {
    for (const name of CONTEXT_FIELDS) {
      const message = $(`${name}-error`);
      const input = $(name);
      if (errors[name]) {
        message.textContent = errors[name];
        message.hidden = false;
        input.setAttribute("aria-invalid", "true");
      } else {
        message.hidden = true;
        input.removeAttribute("aria-invalid");
      }
    }
  }

  // ---------------------------------------------------------------- copy and download
  async function copyNote() {
    try {
      await navigator.clipboard.writeText(draft.value);
    } catch (error) {
      draft.focus();
      draft.select();
      if (!document.execCommand("copy")) {
        say("Could not copy: select the text and copy it with the keyboard.", true);
        return;
      }
    }
    say("Copied the note.");
  }

  async function downloadFindings() {
    if (currentRequest() !== checkedRequest) await lintNow();
    const blob = new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "notelint-findings.json";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    say(`Downloaded ${report.length} finding${report.length === 1 ? "" : "s"} as JSON.`);
  }

  // ---------------------------------------------------------------- wiring
  draft.addEventListener("input", () => {
    followEdit(lastText, draft.value);
    lastText = draft.value;
    renderHighlights();
    refreshPopoverFromCaret();
    scheduleLint();
  });
  for (const name of CONTEXT_FIELDS) $(name).addEventListener("input", scheduleLint);
  for (const event of ["keyup", "click", "select", "focus"]) {
    draft.addEventListener(event, refreshPopoverFromCaret);
  }
  draft.addEventListener("mousemove", (event) => {
    const finding = findingAtPoint(event.clientX, event.clientY);
    if (finding) openPopover(finding);
    else if (shownFinding) hideSoon();
  });
  draft.addEventListener("mouseleave", hideSoon);
  draft.addEventListener("blur", (event) => {
    if (!popover.contains(event.relatedTarget)) hideSoon();
  });
  popover.addEventListener("mouseleave", hideSoon);
  popover.addEventListener("focusout", (event) => {
    if (!popover.contains(event.relatedTarget) && event.relatedTarget !== draft) hideSoon();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !popover.hidden) {
      const inside = popover.contains(document.activeElement);
      hidePopover();
      if (inside) draft.focus();
    }
  });
  window.addEventListener("resize", () => {
    fitHeight();
    if (shownFinding) openPopover(shownFinding);
  });
  $("copy").addEventListener("click", copyNote);
  $("download").addEventListener("click", downloadFindings);

  async function start() {
    try {
      const answer = await fetch("/api/settings");
      const settings = await answer.json();
      maxBytes = settings.max_bytes || maxBytes;
      for (const name of CONTEXT_FIELDS) {
        if (!$(name).value && settings.context[name]) $(name).value = settings.context[name];
      }
    } catch (error) {
      say("Could not reach notelint: is `notelint serve` still running?", true);
    }
    renderHighlights();
    lintNow();
  }
  start();
})();
