// The upload form: reads the chosen files or the pasted text, posts them to /api/ingest as
// JSON with the write token (from the page's meta tag, or typed into the form on another
// machine), and lists the stories the articles joined. Text is inserted with textContent only.
const form = document.getElementById("upload");
const result = document.getElementById("result");

function say(parts) {
  result.replaceChildren();
  for (const part of parts) {
    const p = document.createElement("p");
    if (part.href) {
      const a = document.createElement("a");
      a.href = part.href;
      a.textContent = part.text;
      p.append(a);
    } else {
      p.textContent = part.text;
    }
    result.append(p);
  }
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const documents = [];
  const meta = {
    url: document.getElementById("url").value || undefined,
    outlet: document.getElementById("outlet").value || undefined,
    date: document.getElementById("date").value || undefined,
  };
  for (const file of document.getElementById("files").files) {
    documents.push({ name: file.name, content: await file.text(), ...meta });
  }
  const pasted = document.getElementById("pasted").value;
  if (pasted.trim()) {
    documents.push({ name: "pasted", content: pasted, ...meta });
  }
  if (!documents.length) {
    say([{ text: "Choose files or paste an article first." }]);
    return;
  }
  say([{ text: "Adding…" }]);
  const token =
    document.querySelector('meta[name="parallax-token"]')?.content ||
    document.getElementById("token")?.value ||
    "";
  const response = await fetch("/api/ingest", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: "Bearer " + token },
    body: JSON.stringify({ documents }),
  });
  const body = await response.json();
  if (!response.ok) {
    say([{ text: "Failed: " + body.error }]);
    return;
  }
  const parts = [{ text: `${body.added} added, ${body.unchanged} already stored, ${body.rejected.length} rejected.` }];
  for (const d of body.documents) {
    parts.push({ text: `${d.id} → story ${d.story}`, href: `/story/${d.story}` });
  }
  for (const r of body.rejected) {
    parts.push({ text: `${r.input}: ${r.reason}` });
  }
  say(parts);
});
