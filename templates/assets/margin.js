// The reading page's margin, on wide screens: the text runs on as one column and each note is set
// beside the first line of its passage, moved down only as far as the notes before it require.
// Arriving at #claim-c brings that note level with its passage; the notes before it move up to make
// room. Without this script each note stands beside or after its paragraph, in rows.
// The page loads it where its text ends, so the first layout happens before the page is shown.
(() => {
  const text = document.querySelector(".ex-reading .ex-text");
  if (!text) return;
  const wide = window.matchMedia("screen and (min-width: 60em)");
  const notes = [...text.querySelectorAll(".ex-note")];
  const passages = notes.map((note) => document.getElementById(`passage-${note.id.slice(6)}`));
  const rows = text.querySelectorAll(".ex-row");

  // The gap between notes: a note's bottom margin in the rows layout (.8rem).
  const gap = () => parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.8;
  const fragment = () => {
    try {
      return decodeURIComponent(location.hash.slice(1));
    } catch {
      return location.hash.slice(1); // not percent-encoded as it should be: taken as written
    }
  };
  const targeted = () => {
    const id = fragment();
    const note = id.startsWith("claim-") ? document.getElementById(id) : null;
    return notes.indexOf(note);
  };

  // Each note's top: its passage's first line, or just below the note before it.
  const place = (want, heights, pinned) => {
    const space = gap();
    const tops = [];
    want.forEach((top, i) => { tops[i] = i === 0 ? top : Math.max(top, tops[i - 1] + heights[i - 1] + space); });
    if (pinned >= 0 && tops[pinned] > want[pinned]) {
      tops[pinned] = want[pinned];
      for (let i = pinned + 1; i < tops.length; i += 1) {
        tops[i] = Math.max(want[i], tops[i - 1] + heights[i - 1] + space);
      }
      for (let i = pinned - 1; i >= 0; i -= 1) {
        tops[i] = Math.min(tops[i], tops[i + 1] - space - heights[i]);
      }
    }
    return tops;
  };

  // Tops are measured as if the text had no lead (the room a pinned note may need above the text).
  const layout = () => {
    const first = rows[0];
    if (!wide.matches || !first) {
      text.classList.remove("ex-margin");
      notes.forEach((note) => { note.style.top = ""; });
      text.style.removeProperty("--ex-margin-lead");
      text.style.removeProperty("--ex-margin-rest");
      return 0;
    }
    text.classList.add("ex-margin");
    // Everything is measured before anything is moved.
    const before = parseFloat(text.style.getPropertyValue("--ex-margin-lead")) || 0;
    const origin = text.getBoundingClientRect().top;
    const start = first.getBoundingClientRect().top - origin;
    const want = passages.map((mark) => {
      const line = mark && (mark.getClientRects()[0] || mark.getBoundingClientRect());
      return line ? line.top - origin - before : start;
    });
    const heights = notes.map((note) => note.getBoundingClientRect().height);
    const textEnd0 = rows[rows.length - 1].getBoundingClientRect().bottom - origin - before;
    const tops = place(want, heights, targeted());
    // A pinned note whose earlier notes have no room above it: the room goes before the text.
    const lead = tops.length ? Math.max(0, Math.ceil(start - Math.min(...tops))) : 0;
    text.style.setProperty("--ex-margin-lead", `${lead}px`);
    notes.forEach((note, i) => { note.style.top = `${tops[i] + lead}px`; });
    // When the margin runs longer than the text, the room goes after the text's end.
    const textEnd = textEnd0 + lead;
    const last = notes.length - 1;
    const notesEnd = last >= 0 ? tops[last] + lead + heights[last] : 0;
    text.style.setProperty("--ex-margin-rest", `${Math.max(0, Math.ceil(notesEnd - textEnd))}px`);
    return lead - before;
  };

  let queued = false;
  const relayout = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; layout(); });
  };
  // Arriving at a note sets it level with its passage and shows it; arriving anywhere else after
  // the text has moved shows that place again.
  const arrive = () => {
    const moved = layout();
    const pinned = targeted();
    const id = fragment();
    const target = pinned >= 0 ? notes[pinned] : id && document.getElementById(id);
    if (target && (pinned >= 0 || moved) && text.classList.contains("ex-margin")) {
      target.scrollIntoView({ block: "start" });
    }
  };
  arrive();
  // A theme that swaps pages without loading them (Material's instant navigation) runs this again
  // for the new page: this page's listeners then let go.
  const gone = new AbortController();
  const whileShown = (handler) => () => (text.isConnected ? handler() : gone.abort());
  window.addEventListener("resize", whileShown(relayout), { signal: gone.signal });
  window.addEventListener("hashchange", whileShown(arrive), { signal: gone.signal });
  window.addEventListener("load", relayout, { once: true });
  text.addEventListener("toggle", relayout, true); // a note opened or closed changes its height
  if (document.fonts) document.fonts.ready.then(relayout);
})();
