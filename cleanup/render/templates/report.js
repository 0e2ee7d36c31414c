"use strict";
(() => {
  const data = JSON.parse(document.getElementById("cleanup-data").textContent);
  const prefix = `cleanup-report:${data.report}:`;
  const status = document.getElementById("status");

  const storage = () => {
    try {
      return window.localStorage;
    } catch (error) {
      return null;
    }
  };
  const decisionsFile = (files) =>
    JSON.stringify({ format: "cleanup-decisions", version: 2, files }, null, 2);
  const download = (text, name) => {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  };

  if (data.file) {
    const boxes = Array.from(document.querySelectorAll("input.decide"));
    const record = () => {
      const accepted = new Set(boxes.filter((box) => box.checked).map((box) => Number(box.dataset.hunk)));
      const hunks = data.file.hunks.map((hunk) => ({ ...hunk, accepted: accepted.has(hunk.id) }));
      return { path: data.file.path, sha256: data.file.sha256, settings: data.file.settings, hunks };
    };
    const mark = (box) => {
      document
        .querySelectorAll(`#text label.hunk[data-hunk="${box.dataset.hunk}"]`)
        .forEach((part) => part.classList.toggle("accepted", box.checked));
    };
    const save = () => {
      try {
        storage()?.setItem(prefix + data.article, JSON.stringify(record()));
      } catch (error) {
        status.textContent = "Your decisions cannot be kept in this browser: export them before leaving.";
      }
    };
    let saved = null;
    try {
      saved = JSON.parse(storage()?.getItem(prefix + data.article) ?? "null");
    } catch (error) {
      saved = null;
    }
    if (saved && saved.path === data.file.path && saved.sha256 === data.file.sha256) {
      const accepted = new Set(saved.hunks.filter((hunk) => hunk.accepted).map((hunk) => hunk.id));
      boxes.forEach((box) => {
        box.checked = accepted.has(Number(box.dataset.hunk));
      });
    }
    boxes.forEach((box) => {
      mark(box);
      box.addEventListener("change", () => {
        mark(box);
        save();
      });
    });
    const setAll = (checked) => {
      boxes.forEach((box) => {
        box.checked = checked;
        mark(box);
      });
      save();
    };
    document.getElementById("accept-all").addEventListener("click", () => setAll(true));
    document.getElementById("reject-all").addEventListener("click", () => setAll(false));
    window.cleanupDecisions = () => decisionsFile([record()]);
    document.getElementById("export").addEventListener("click", () => {
      download(window.cleanupDecisions(), `decisions-${String(data.article).padStart(6, "0")}.json`);
      const count = boxes.filter((box) => box.checked).length;
      status.textContent = `Exported: ${count} of ${boxes.length} changes accepted.`;
    });
  } else {
    const reviewed = () => {
      const store = storage();
      const files = [];
      for (let index = 0; store && index < store.length; index += 1) {
        const key = store.key(index);
        if (key.startsWith(prefix)) {
          files.push([Number(key.slice(prefix.length)), JSON.parse(store.getItem(key))]);
        }
      }
      return files.sort((a, b) => a[0] - b[0]).map((entry) => entry[1]);
    };
    window.cleanupDecisions = () => decisionsFile(reviewed());
    document.getElementById("export").addEventListener("click", () => {
      const files = reviewed();
      download(decisionsFile(files), "decisions.json");
      status.textContent = `Exported the decisions of ${files.length} reviewed article${files.length === 1 ? "" : "s"}.`;
    });
  }
})();
