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
