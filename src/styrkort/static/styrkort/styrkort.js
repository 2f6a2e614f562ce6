// Styrkort's own behaviour on top of htmx: a reporter's text is never lost. Loaded after htmx, with
// defer, on every page; everything here also has a way that works without JavaScript.
(function () {
  "use strict";

  const texts = document.body.dataset;

  function cookie(name) {
    const found = document.cookie.split("; ").find((part) => part.startsWith(name + "="));
    return found ? decodeURIComponent(found.slice(name.length + 1)) : "";
  }

  // The CSRF token as it is now, not as it was when the page was loaded: after logging in again in
  // another tab, Django has given the person a new one, and a row's Save must still go through.
  document.addEventListener("htmx:configRequest", (event) => {
    const token = cookie(texts.csrfCookie || "csrftoken");
    if (token && event.detail.parameters.has && event.detail.parameters.has("csrfmiddlewaretoken")) {
      event.detail.parameters.set("csrfmiddlewaretoken", token);
    } else if (token && "csrfmiddlewaretoken" in event.detail.parameters) {
      event.detail.parameters.csrfmiddlewaretoken = token;
    }
  });

  // A failed save puts its reason in the row and swaps nothing, so what was typed stays.
  function showInRow(element, message) {
    const row = element.closest("form") || element;
    row.querySelectorAll(".row-message").forEach((old) => old.remove());
    row.prepend(message);
    const link = message.querySelector("a");
    (link || message).focus?.();
  }

  function ownMessage(text) {
    const box = document.createElement("div");
    box.className = "row-message";
    box.setAttribute("role", "alert");
    const line = document.createElement("p");
    line.textContent = text;
    box.append(line);
    return box;
  }

  document.addEventListener("htmx:responseError", (event) => {
    const xhr = event.detail.xhr;
    let message;
    if (xhr.getResponseHeader("X-Styrkort-Message") === "row") {
      const template = document.createElement("template");
      template.innerHTML = xhr.responseText.trim();
      message = template.content.firstElementChild;
    } else {
      message = ownMessage((texts.saveFailed || "").replace("{status}", xhr.status));
    }
    showInRow(event.detail.elt, message);
  });

  document.addEventListener("htmx:sendError", (event) => {
    showInRow(event.detail.elt, ownMessage(texts.sendFailed || ""));
  });

  // Leaving the page with something typed and not saved asks first.
  const unsaved = new Set();
  document.addEventListener("input", (event) => {
    const form = event.target.form;
    if (form && form.method === "post" && !form.hasAttribute("data-no-guard")) unsaved.add(form);
  });
  document.addEventListener("submit", (event) => {
    if (!event.defaultPrevented) unsaved.delete(event.target); // a plain post leaves the page itself
  });
  document.addEventListener("htmx:afterRequest", (event) => {
    if (event.detail.successful) unsaved.delete(event.detail.elt);
  });
  window.addEventListener("beforeunload", (event) => {
    if ([...unsaved].some((form) => form.isConnected)) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // After a row is saved, focus goes back to it and the page's live region says what happened.
  document.addEventListener("htmx:afterSettle", (event) => {
    const row = event.detail.elt;
    if (!row || !row.isConnected || !row.matches("[data-row]")) return;
    const heading = row.querySelector("[data-row-heading]");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
    const said = row.querySelector("[data-row-said]");
    const announcer = document.getElementById("announcer");
    if (said && announcer) announcer.textContent = said.textContent.trim();
  });

  // "Use last time's comment" copies the previous round's comment (in data-copy-from) into the row;
  // the button is shown only with JavaScript.
  // The deviation field is shown for yellow and red (or when it holds text), as the rule asks.
  function enhance(root) {
    root.querySelectorAll("[data-copy-from]").forEach((button) => {
      button.hidden = false;
    });
    root.querySelectorAll("[data-deviation-field]").forEach((field) => {
      const colour = field.closest("form")?.querySelector("select[name$='colour']");
      const text = field.querySelector("textarea");
      const needed = !colour || ["yellow", "red"].includes(colour.value) || (text && text.value.trim() !== "");
      field.hidden = !needed;
    });
  }
  enhance(document);
  document.addEventListener("htmx:afterSettle", (event) => enhance(event.detail.elt.parentElement || document));
  document.addEventListener("change", (event) => {
    if (event.target.matches("select[name$='colour']") && event.target.form) enhance(event.target.form);
  });
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-copy-from]");
    if (!button) return;
    const to = document.getElementById(button.dataset.copyTo);
    if (!to) return;
    to.value = button.dataset.copyFrom; // the comment as it was written, line breaks and all
    to.dispatchEvent(new Event("input", { bubbles: true })); // counts as unsaved
    to.focus();
  });

  // A list of checkboxes to pick plans or units from: the box above it filters by code or name.
  document.querySelectorAll("[data-filter-list]").forEach((box) => {
    const list = document.getElementById(box.dataset.filterList);
    if (!list) return;
    box.hidden = false;
    box.addEventListener("input", () => {
      const wanted = box.value.trim().toLowerCase();
      list.querySelectorAll("li").forEach((item) => {
        const checked = item.querySelector("input")?.checked;
        item.hidden = wanted !== "" && !checked && !item.textContent.toLowerCase().includes(wanted);
      });
    });
  });

  // A table box that scrolls sideways can be reached and scrolled by keyboard (only those that do,
  // so the others are no extra tab stops).
  function scrollableTables() {
    document.querySelectorAll(".table-scroll").forEach((box) => {
      if (box.scrollWidth > box.clientWidth) box.setAttribute("tabindex", "0");
      else box.removeAttribute("tabindex");
    });
  }
  scrollableTables();
  window.addEventListener("resize", scrollableTables);
  document.addEventListener("htmx:afterSettle", scrollableTables);
})();
