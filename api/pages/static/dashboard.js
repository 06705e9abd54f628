// Saves an action item through the API (PATCH /api/v1/action-items/{id}) without leaving the
// page; the form still posts normally where this script does not run.
"use strict";
(function () {
  var token = document.querySelector('meta[name="csrf-token"]');
  var csrf = token ? token.getAttribute("content") : "";
  document.querySelectorAll("form.item-edit").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var note = form.querySelector(".saved");
      var owner = form.elements.owner.value.trim();
      var due = form.elements.due.value;
      var body = { status: form.elements.status.value, owner: owner || null, due: due || null };
      note.classList.remove("error");
      note.textContent = "Saving…";
      fetch("/api/v1/action-items/" + form.dataset.item, {
        method: "PATCH",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify(body)
      }).then(function (response) {
        return response.json().then(function (data) {
          if (!response.ok) {
            var detail = typeof data.detail === "string" ? data.detail : "check the fields";
            throw new Error(detail);
          }
          note.textContent = "Saved";
        });
      }).catch(function (error) {
        note.classList.add("error");
        note.textContent = "Not saved: " + error.message;
      });
    });
  });
})();
