import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES, checkAttachments, chosenFiles, fileNameForType, safeFileName, type UploadLike } from "./validate";

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real 1×1 white PNG. */
function png(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from([0, 255, 255, 255]))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function pdf(): Buffer {
  return Buffer.from(
    "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n",
  );
}

/** The start of a Windows program ("MZ" header). */
function exe(): Buffer {
  const bytes = Buffer.alloc(256);
  bytes.write("MZ", 0, "ascii");
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write("PE\0\0", 0x80, "ascii");
  return bytes;
}

function upload(name: string, bytes: Buffer): UploadLike {
  return { name, size: bytes.length, arrayBuffer: async () => new Uint8Array(bytes).buffer };
}

describe("checkAttachments", () => {
  it("accepts a PNG and a PDF, typed from their bytes", async () => {
    const result = await checkAttachments([upload("photo.png", png()), upload("receipt.pdf", pdf())]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.files.map((f) => [f.fileName, f.contentType])).toEqual([
      ["photo.png", "image/png"],
      ["receipt.pdf", "application/pdf"],
    ]);
    expect(result.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.files[0]!.sizeBytes).toBe(png().length);
  });

  it("trusts the bytes, not the name: a PNG called .pdf is stored as a PNG", async () => {
    const result = await checkAttachments([upload("scan.pdf", png())]);
    expect(result.ok && result.files[0]!.contentType).toBe("image/png");
  });

  it("names a file by the type of its bytes: a PNG that is also HTML, called x.html, becomes x.png", async () => {
    const polyglot = Buffer.concat([png(), Buffer.from("<html><script>alert(1)</script></html>")]);
    const result = await checkAttachments([upload("x.html", polyglot), upload("scan.pdf", png()), upload("IMG_0001.JPEG.png", png()), upload("noext", pdf())]);
    expect(result.ok && result.files.map((f) => [f.fileName, f.contentType])).toEqual([
      ["x.png", "image/png"],
      ["scan.png", "image/png"],
      ["IMG_0001.JPEG.png", "image/png"],
      ["noext.pdf", "application/pdf"],
    ]);
  });

  it("keeps a name that already has its type's extension (lib/http/attachment-response.test.ts: misleading names)", () => {
    expect(fileNameForType("receipt.PDF", "application/pdf")).toBe("receipt.PDF");
    expect(fileNameForType("photo.jpg", "image/jpeg")).toBe("photo.jpg");
  });

  it("refuses a program renamed to .png, naming the file", async () => {
    expect(await checkAttachments([upload("holiday.png", exe())])).toEqual({ ok: false, error: "holiday.png is not a photo or PDF" });
    expect(await checkAttachments([upload("receipt.exe", exe())])).toEqual({ ok: false, error: "receipt.exe is not a photo or PDF" });
  });

  it("refuses plain text", async () => {
    const result = await checkAttachments([upload("notes.txt", Buffer.from("hello there"))]);
    expect(result).toEqual({ ok: false, error: "notes.txt is not a photo or PDF" });
  });

  it("refuses more than five files", async () => {
    const files = Array.from({ length: 6 }, (_, i) => upload(`p${i}.png`, png()));
    expect(await checkAttachments(files)).toEqual({ ok: false, error: "Please attach at most 5 files (you chose 6)" });
  });

  it("refuses a file over 10 MB without reading it", async () => {
    const big: UploadLike = { name: "video.png", size: MAX_ATTACHMENT_BYTES + 1, arrayBuffer: () => Promise.reject(new Error("read")) };
    expect(await checkAttachments([big])).toEqual({ ok: false, error: "video.png is larger than 10 MB: please attach a smaller copy" });
  });

  it("ignores the empty file a browser sends when nothing was chosen", async () => {
    const form = new FormData();
    form.append("attachments", new File([], ""));
    form.append("attachments", new File([new Uint8Array(png())], "photo.png"));
    const files = chosenFiles(form.getAll("attachments"));
    expect(files.map((f) => f.name)).toEqual(["photo.png"]);
    expect(await checkAttachments(files)).toMatchObject({ ok: true, files: [{ fileName: "photo.png" }] });
  });
});

describe("file names", () => {
  it("lose folders and unsafe characters", () => {
    expect(safeFileName("C:\\Users\\sam\\receipt.pdf")).toBe("receipt.pdf");
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName('we"ird\u0000<name>.png')).toBe("weirdname.png");
    expect(safeFileName("...")).toBe("attachment");
    expect(safeFileName(`${"a".repeat(300)}.jpeg`)).toHaveLength(150);
    expect(safeFileName(`${"a".repeat(300)}.jpeg`).endsWith(".jpeg")).toBe(true);
  });
});
