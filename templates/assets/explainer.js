// Progressive enhancement only: every page works and reads without this file.
// "Link to this note" links become buttons that copy the note's full address.
document.querySelectorAll("a[data-copy-link]").forEach((link) => {
  link.addEventListener("click", (event) => {
    if (!navigator.clipboard) return; // keep the plain link: it is the permalink
    event.preventDefault();
    const address = new URL(link.getAttribute("href"), location.href).href;
    navigator.clipboard.writeText(address).then(() => {
      const label = link.textContent;
      link.textContent = link.dataset.copyLink || "Link copied"; // in the site's language
      link.setAttribute("aria-live", "polite");
      setTimeout(() => { link.textContent = label; }, 2000);
    });
  });
});
