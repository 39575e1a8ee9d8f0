// Progress indicator: a submitted form and its button are marked aria-busy (Pico shows a spinner) until the next page
// arrives. Forms work the same without this script.
document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) {
        return;
    }
    const button = event.submitter ?? form.querySelector("button[type=submit], button:not([type])");
    form.setAttribute("aria-busy", "true");
    if (button) {
        button.setAttribute("aria-busy", "true");
    }
});

// A page restored from the back/forward cache must not keep its spinners.
window.addEventListener("pageshow", () => {
    document.querySelectorAll("[aria-busy=true]").forEach((element) => element.removeAttribute("aria-busy"));
});

// Live preview: as the admin edits a rule, the form is posted to its preview handler (the server renders with the
// same renderer as real alerts) and the preview is replaced. Without JavaScript the "Preview" button does the same.
document.querySelectorAll("form[data-preview-url]").forEach((form) => {
    let timer;
    let sequence = 0;
    const refresh = async () => {
        const mine = ++sequence;
        const response = await fetch(new URL(form.dataset.previewUrl, window.location.href), {
            method: "POST",
            body: new FormData(form),
        });
        const slot = form.querySelector(".preview-slot");
        if (response.ok && slot && mine === sequence) {
            slot.innerHTML = await response.text();
        }
    };
    form.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(refresh, 250);
    });
});
