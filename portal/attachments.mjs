// A ticket's attachments: the list (GET /tickets/{id} `attachments`), the upload in three steps
// (announce → presigned PUT with exactly the signed headers → confirm) and downloads through a
// presigned link. Files never pass through the API; the browser sends them straight to S3.
//
// Downloads: the API answers a presigned URL, which dom.mjs would never render as a link (only
// `#/…` links exist in the portal). The "download" button fetches the URL and hands it to
// ctx.openDownload (location.assign) only after transferUrlAllowed() said yes: https, or plain
// http between loopback hosts while the portal itself runs on loopback (the local cloud's S3).
// S3 answers with `Content-Disposition: attachment`, so the browser saves the file and stays here.

import { h } from "./dom.mjs";
import { errorText } from "./forms.mjs";
import { field, formatDate, problemBox, scrolling } from "./widgets.mjs";

/**
 * The API's allow-list (AttachmentKind on the server, docs/tickets.md "The allow-list"): a short
 * name per content type (a key when the name is a word, not a format's own name) and its extensions. The portal sends the content type that belongs to the
 * file's extension, because browsers guess differently (Windows calls a .csv application/vnd.ms-excel);
 * the API decides, and its refusals name what it allows.
 */
export const ATTACHMENT_TYPES = [
  { contentType: "image/png", name: "PNG", extensions: ["png"] },
  { contentType: "image/jpeg", name: "JPEG", extensions: ["jpg", "jpeg"] },
  { contentType: "image/gif", name: "GIF", extensions: ["gif"] },
  { contentType: "image/webp", name: "WebP", extensions: ["webp"] },
  { contentType: "application/pdf", name: "PDF", extensions: ["pdf"] },
  { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name: "Word", extensions: ["docx"] },
  { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name: "Excel", extensions: ["xlsx"] },
  { contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", name: "PowerPoint",
    extensions: ["pptx"] },
  { contentType: "application/msword", name: "Word 97–2003", extensions: ["doc"] },
  { contentType: "application/vnd.ms-excel", name: "Excel 97–2003", extensions: ["xls"] },
  { contentType: "text/plain", name: "Text", key: "work.attach.kind.text", extensions: ["txt", "log"] },
  { contentType: "text/csv", name: "CSV", extensions: ["csv"] },
  { contentType: "message/rfc822", name: "E-mail", key: "work.attach.kind.email", extensions: ["eml"] },
  { contentType: "application/zip", name: "ZIP", extensions: ["zip"] }
];

/** The file input's `accept`: the extensions of the allow-list. */
export const ACCEPT = ATTACHMENT_TYPES.flatMap(t => t.extensions.map(e => "." + e)).join(",");

/** 25 MiB, the API's limit (PendingUpload.MAX_SIZE); shown in the hint, the API's refusal names its own number. */
export const MAX_SIZE = 25 * 1024 * 1024;

function extensionOf(name) {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(String(name || ""));
  return match ? match[1].toLowerCase() : "";
}

/** The content type to announce for a file: by its extension from the allow-list, else what the browser says. */
export function contentTypeFor(file) {
  const extension = extensionOf(file && file.name);
  const known = ATTACHMENT_TYPES.find(t => t.extensions.includes(extension));
  if (known) return known.contentType;
  return (file && file.type) || "application/octet-stream";
}

/** A content type's short name ("PDF"; a word such as "Tekst" in the user's language), or the content type itself. */
export function kindName(contentType, tr) {
  const bare = String(contentType || "").split(";")[0].trim().toLowerCase();
  const known = ATTACHMENT_TYPES.find(t => t.contentType === bare);
  if (!known) return bare;
  return known.key && tr ? tr(known.key) : known.name;
}

/** "512 B", "2 KB", "1,5 MB" in the user's language. */
export function formatSize(bytes, lang) {
  const n = Number(bytes);
  if (!Number.isFinite(n) || n < 0) return "";
  const format = value => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value);
  if (n < 1024) return format(n) + " B";
  if (n < 1024 * 1024) return format(n / 1024) + " KB";
  return format(n / (1024 * 1024)) + " MB";
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Whether the portal may send a file to, or navigate to, a presigned URL the API answered: https
 * (no user info), or http from a portal that is itself served over http from a loopback host to a
 * loopback host (the local cloud's s3proxy). Everything else — javascript:, data:, http on the
 * internet — is refused.
 */
export function transferUrlAllowed(raw, pageOrigin) {
  let url;
  try {
    url = new URL(String(raw));
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === "https:") return true;
  if (url.protocol !== "http:") return false;
  let page;
  try {
    page = new URL(String(pageOrigin));
  } catch {
    return false;
  }
  return page.protocol === "http:" && LOOPBACK.has(page.hostname) && LOOPBACK.has(url.hostname);
}

/**
 * What is wrong with a chosen file before anything is sent, in the user's language, or null: empty, over the API's
 * limit, or an extension outside the allow-list (the API decides as well; this only spares a round trip). The new-ticket
 * form checks its file with it before it raises the ticket.
 */
export function chosenFileProblem(file, tr, lang) {
  if (!file) return null;
  if (file.size === 0) return tr("work.attach.error.empty");
  if (file.size > MAX_SIZE) return tr("work.attach.error.tooLarge", { max: formatSize(MAX_SIZE, lang) });
  if (!ATTACHMENT_TYPES.some(t => t.extensions.includes(extensionOf(file.name)))) {
    return tr("work.attach.error.extension", { extensions: ATTACHMENT_TYPES.flatMap(t => t.extensions).join(", ") });
  }
  return null;
}

/** A failure outside the API (the storage PUT, an untrusted link): shown like a problem, never as "network". */
export function localProblem(code, title, detail = "") {
  return { status: -1, code, title, detail, errors: [] };
}

const ANNOUNCED_FIELDS = ["fileName", "contentType", "size"];

/** The announcement's field errors, all shown at the file input, in the user's language where the code is known. */
export function attachmentFieldErrors(error, tr, lang) {
  const messages = [];
  for (const e of (error && Array.isArray(error.errors) ? error.errors : [])) {
    if (!e || !ANNOUNCED_FIELDS.includes(e.field)) continue;
    messages.push(attachmentMessage(e, tr, lang));
  }
  return messages;
}

function attachmentMessage(e, tr, lang) {
  const message = String(e.message || e.code || "");
  const listed = /\[([^\]]*)\]/.exec(message);
  if (e.code === "required") return tr("fieldRequired");
  if (e.field === "size" && e.code === "too-large") {
    const max = /(\d+) bytes/.exec(message);
    return tr("work.attach.error.tooLarge", { max: formatSize(max ? Number(max[1]) : MAX_SIZE, lang) });
  }
  if (e.field === "size" && e.code === "too-small") return tr("work.attach.error.empty");
  if (e.field === "contentType" && e.code === "one-of" && listed) {
    const allowed = listed[1].split(",").map(s => s.trim()).filter(Boolean).map(type => {
      const known = ATTACHMENT_TYPES.find(t => t.contentType === type);
      return known ? known.extensions.map(x => "." + x).join("/") : type;
    });
    return tr("work.attach.error.type", { allowed: allowed.join(", ") });
  }
  if (e.field === "fileName" && e.code === "extension" && listed) {
    return tr("work.attach.error.extension", { extensions: listed[1].split(",").map(s => s.trim()).join(", ") });
  }
  return errorText(e, tr);
}

/** What a refusal of the upload means for the user, for the problems the three steps answer. */
export function uploadExplanation(error, tr) {
  if (!error) return null;
  switch (error.code) {
    case "payload-too-large": return tr("work.attach.problem.tooLarge");
    case "attachment-type-not-allowed": return tr("work.attach.problem.typeNotAllowed");
    case "attachment-size-mismatch": return tr("work.attach.problem.sizeMismatch");
    case "upload-expired": return tr("work.attach.problem.expired");
    case "upload-not-received": return tr("work.attach.problem.notReceived");
    case "illegal-state": return tr("work.attach.problem.closed");
    default:
      if (error.status === 413) return tr("work.attach.problem.tooLarge");
      if (error.status === 415) return tr("work.attach.problem.typeNotAllowed");
      if (error.status === 422) return tr("work.attach.problem.sizeMismatch");
      return null;
  }
}

export function emptyUpload() {
  return { file: null, pending: null, busy: false, stage: null, error: null, errors: [], done: null, downloadError: null,
    downloading: null, removing: null, asked: null };
}

/** PUT the file to the presigned URL with exactly the signed headers; no token, no cookies, no redirects. */
export async function putToStorage(ctx, upload, file) {
  if (!upload || String(upload.method || "PUT").toUpperCase() !== "PUT" || !transferUrlAllowed(upload.url, ctx.origin)) {
    throw localProblem("untrusted-link", ctx.tr("work.attach.problem.untrusted"));
  }
  let response;
  try {
    response = await ctx.transfer(upload.url, { method: "PUT", headers: { ...(upload.headers || {}) }, body: file,
      credentials: "omit", redirect: "error", referrerPolicy: "no-referrer", cache: "no-store" });
  } catch (e) {
    throw localProblem("storage", ctx.tr("work.attach.problem.storage"), String((e && e.message) || e));
  }
  if (!response || !response.ok) {
    throw localProblem("storage", ctx.tr("work.attach.problem.storage"), "HTTP " + (response ? response.status : "?"));
  }
}

/**
 * The upload and download actions of the ticket page. state.upload holds the chosen file (kept on
 * every error, since a file input cannot be refilled) and a pending announcement, so a retry after a
 * lost confirm confirms again instead of uploading twice.
 */
export function attachmentActions({ ctx, state, path, reload, render }) {
  const { tr } = ctx;
  const u = () => (state.upload = state.upload || emptyUpload());
  return {
    chooseFile(file) {
      const upload = u();
      upload.file = file || null;
      upload.errors = [];
      upload.error = null;
      upload.done = null;
      render();
    },
    async upload() {
      const upload = u();
      if (upload.busy) return;
      if (!upload.file) {
        upload.errors = [tr("work.attach.chooseFirst")];
        upload.error = null;
        return render();
      }
      const file = upload.file;
      upload.busy = true;
      upload.error = null;
      upload.errors = [];
      upload.done = null;
      try {
        if (!upload.pending || upload.pending.file !== file) {
          upload.pending = null;
          upload.stage = "announce";
          render();
          const offer = await ctx.api.post(path + "/attachments",
            { fileName: file.name, contentType: contentTypeFor(file), size: file.size });
          upload.pending = { file, offer, stage: "put" };
        }
        if (upload.pending.stage === "put") {
          upload.stage = "put";
          render();
          await putToStorage(ctx, upload.pending.offer.upload, file);
          upload.pending.stage = "confirm";
        }
        upload.stage = "confirm";
        render();
        const attachment = await ctx.api.post(path + "/attachments/" + encodeURIComponent(upload.pending.offer.uploadId)
          + "/confirm");
        upload.pending = null;
        upload.file = null;
        upload.done = tr("work.attach.added", { name: (attachment && attachment.fileName) || file.name });
        try {
          await reload();
        } catch (e) {
          state.error = e;
        }
      } catch (e) {
        upload.error = e;
        upload.errors = attachmentFieldErrors(e, tr, ctx.lang);
        if (e.status === 0 && upload.pending && upload.pending.stage === "confirm") {
          // the answer of the confirm was lost: the next press confirms the same upload again
        } else if (e.code === "upload-not-received" && upload.pending) {
          upload.pending.stage = "put";
        } else {
          upload.pending = null;
        }
      }
      upload.busy = false;
      upload.stage = null;
      render();
    },
    /** First press: ask. Second: DELETE the file, then read the ticket again. */
    askRemove(attachment) {
      u().asked = attachment.id;
      u().downloadError = null;
      render();
    },
    cancelRemove() {
      u().asked = null;
      render();
    },
    async remove(attachment) {
      const upload = u();
      if (upload.removing) return;
      upload.removing = attachment.id;
      upload.downloadError = null;
      render();
      try {
        await ctx.api.delete(path + "/attachments/" + encodeURIComponent(attachment.id));
        upload.asked = null;
        upload.done = tr("work.attach.removed", { name: attachment.fileName });
        await reload();
      } catch (e) {
        upload.downloadError = e;
      }
      upload.removing = null;
      render();
    },
    async download(attachment) {
      const upload = u();
      if (upload.downloading) return;
      upload.downloadError = null;
      upload.downloading = attachment.id;
      render();
      try {
        const answer = await ctx.api.get(path + "/attachments/" + encodeURIComponent(attachment.id));
        const link = answer && answer.download;
        const headers = link && link.headers ? Object.keys(link.headers) : [];
        if (!link || String(link.method || "GET").toUpperCase() !== "GET" || headers.length
          || !transferUrlAllowed(link.url, ctx.origin)) {
          throw localProblem("untrusted-link", tr("work.attach.problem.untrusted"));
        }
        ctx.openDownload(String(link.url));
      } catch (e) {
        upload.downloadError = e;
      }
      upload.downloading = null;
      render();
    }
  };
}

/** Its uploader while the ticket is open, or provider staff at any time (as the API allows). */
export function mayRemove(attachment, closed, ctx) {
  return ctx.staff || (!closed && attachment.uploadedBy === ctx.userId);
}

function removeControls(a, upload, tr, actions) {
  if (upload.asked !== a.id) {
    return h("button", { type: "button", class: "remove", on: { click: () => actions.askRemove(a) } },
      tr("work.attach.remove"), h("span", { class: "visually-hidden" }, " " + a.fileName));
  }
  return h("span", { class: "confirm-remove", role: "group" },
    h("span", null, tr("work.attach.removeAsk", { name: a.fileName }), " "),
    h("button", { type: "button", class: "primary", disabled: upload.removing === a.id, on: { click: () => actions.remove(a) } },
      tr("work.attach.removeYes")),
    h("button", { type: "button", on: { click: () => actions.cancelRemove() } }, tr("work.attach.removeNo")));
}

/** The attachments of a ticket and, unless it is closed, the upload form. */
export function attachmentsSection(ticket, attachments, state, ctx, actions) {
  const { tr, lang } = ctx;
  const upload = state.upload || emptyUpload();
  const list = Array.isArray(attachments) ? attachments : [];
  const closed = ticket.status === "closed";
  const stageText = { announce: "work.attach.announcing", put: "work.attach.uploading", confirm: "work.attach.checking" };
  return h("section", { class: "attachments", "aria-labelledby": "attachments-heading" },
    h("h2", { id: "attachments-heading" }, tr("work.attach.heading")),
    upload.downloadError ? problemBox(upload.downloadError, tr) : null,
    list.length === 0 ? h("p", { class: "hint" }, tr("work.attach.none")) : scrolling(tr, h("table", { class: "attachment-list" },
      h("caption", { class: "visually-hidden" }, tr("work.attach.heading")),
      h("thead", null, h("tr", null, ["work.attach.col.name", "work.attach.col.kind", "work.attach.col.size",
        "work.attach.col.by", "work.attach.col.at", "work.attach.col.download"].map(key => h("th", { scope: "col" }, tr(key))))),
      h("tbody", null, list.map(a => h("tr", null,
        h("td", { class: "file-name" }, a.fileName),
        h("td", null, kindName(a.contentType, tr)),
        h("td", null, formatSize(a.size, lang)),
        h("td", null, a.uploadedByName || ""),
        h("td", null, h("time", { datetime: a.at }, formatDate(a.at, lang))),
        h("td", null, h("button", { type: "button", class: "download", disabled: upload.downloading === a.id,
          on: { click: () => actions.download(a) } },
          tr("work.attach.download"), h("span", { class: "visually-hidden" }, " " + a.fileName)),
          mayRemove(a, closed, ctx) ? removeControls(a, upload, tr, actions) : null)))))),
    closed ? h("p", { class: "hint" }, tr("work.attach.closed")) : h("form", { novalidate: true, class: "upload",
      on: { submit: e => { e.preventDefault(); return actions.upload(); } } },
      field("file", tr("work.attach.choose"), h("input", { type: "file", accept: ACCEPT,
        on: { change: e => actions.chooseFile(e.target.files && e.target.files[0]) } }),
      { error: upload.errors.length ? upload.errors.join(" ") : null, tr }),
      h("p", { class: "hint", id: "attach-hint" }, tr("work.attach.allowed", { max: formatSize(MAX_SIZE, lang) })),
      upload.file ? h("p", { class: "chosen" }, tr("work.attach.chosen"), " ", h("span", { class: "file-name" }, upload.file.name),
        " (" + formatSize(upload.file.size, lang) + ")") : null,
      upload.error && !(upload.errors.length && upload.error.code === "validation-failed") ? problemBox(upload.error, tr) : null,
      upload.error && uploadExplanation(upload.error, tr) ? h("p", { class: "field-error" }, uploadExplanation(upload.error, tr))
        : null,
      upload.stage ? h("p", { role: "status" }, tr(stageText[upload.stage])) : null,
      upload.done ? h("p", { class: "notice", role: "status" }, upload.done) : null,
      h("button", { type: "submit", disabled: upload.busy }, upload.busy ? tr("work.attach.busy") : tr("work.attach.upload"))));
}
