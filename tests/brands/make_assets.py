#!/usr/bin/env python3
"""Makes the binary files of the test brands (run from the repository root):

- small PNG logos, drawn pixel by pixel (zlib and struct only);
- `file-fonts/fonts/KestrelSans-Regular.otf`: a copy of the built-in
  `fonts/inter/Inter-Regular.otf` whose `name` table calls it "Kestrel Sans",
  so a test can tell a font the brand brings from the built-in ones. Inter
  is under the SIL Open Font License 1.1 with no Reserved Font Name; the
  renamed copy stays under it (its licence is copied beside it).

    python3 tests/brands/make_assets.py
"""

import shutil
import struct
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def png(path, width, height, pixel):
    """Writes an RGB PNG; `pixel(x, y)` gives (r, g, b)."""
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height)
    )

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def wordmark(ink, accent, width=96, height=32):
    """A square emblem and three bars of "text" beside it."""

    def pixel(x, y):
        if 2 <= x < 30 and 2 <= y < 30:
            return accent if (x - 2) // 7 % 2 == (y - 2) // 7 % 2 else ink
        for top in (6, 14, 22):
            if top <= y < top + 4 and 36 <= x < width - 4 - (top - 6):
                return ink
        return (255, 255, 255)

    return pixel


def rename_font(source, target, family, postscript):
    """Copies an OpenType font with its family and PostScript names changed."""
    data = source.read_bytes()
    version, count = struct.unpack(">IH", data[:6])
    records = []
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        records.append([tag, data[offset : offset + length]])
    old = "Inter"
    for record in records:
        if record[0] != b"name":
            continue
        table = record[1]
        fmt, n, strings = struct.unpack(">HHH", table[:6])
        assert fmt == 0, "name table format 0"
        entries, storage = [], b""
        for j in range(n):
            pid, eid, lid, nid, length, offset = struct.unpack(">6H", table[6 + 12 * j : 18 + 12 * j])
            raw = table[strings + offset : strings + offset + length]
            codec = "utf-16-be" if pid in (0, 3) else "mac_roman"
            text = raw.decode(codec)
            if nid in (1, 4, 16):
                text = text.replace(old, family)
            elif nid in (3, 6):
                text = text.replace(old, postscript)
            raw = text.encode(codec)
            entries.append((pid, eid, lid, nid, len(raw), len(storage)))
            storage += raw
        head = struct.pack(">HHH", 0, n, 6 + 12 * n)
        record[1] = head + b"".join(struct.pack(">6H", *e) for e in entries) + storage

    def checksum(blob):
        blob += b"\x00" * (-len(blob) % 4)
        return sum(struct.unpack(f">{len(blob) // 4}I", blob)) & 0xFFFFFFFF

    for record in records:
        if record[0] == b"head":
            record[1] = record[1][:8] + b"\x00\x00\x00\x00" + record[1][12:]
    entry_selector = max(i for i in range(16) if 2**i <= count)
    search_range = 2**entry_selector * 16
    out = struct.pack(">IHHHH", version, count, search_range, entry_selector, count * 16 - search_range)
    offset = 12 + 16 * count
    directory, body = b"", b""
    for tag, blob in sorted(records, key=lambda r: r[0]):
        directory += struct.pack(">4sIII", tag, checksum(blob), offset + len(body), len(blob))
        body += blob + b"\x00" * (-len(blob) % 4)
    font = bytearray(out + directory + body)
    adjustment = (0xB1B0AFBA - checksum(bytes(font))) & 0xFFFFFFFF
    # The head table's checkSumAdjustment sits 8 bytes into the table.
    for i in range(count):
        tag, _, offset, _ = struct.unpack(">4sIII", font[12 + 16 * i : 28 + 16 * i])
        if tag == b"head":
            font[offset + 8 : offset + 12] = struct.pack(">I", adjustment)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(bytes(font))


if __name__ == "__main__":
    png(HERE / "think-tank/logos/meridian-full.png", 96, 32, wordmark((27, 54, 93), (196, 30, 58)))
    png(HERE / "quarto-project/assets/logos/wordmark.png", 96, 32, wordmark((14, 92, 84), (232, 163, 23)))
    png(HERE / "file-fonts/logo.png", 96, 32, wordmark((61, 43, 86), (94, 158, 160)))
    rename_font(
        ROOT / "fonts/inter/Inter-Regular.otf",
        HERE / "file-fonts/fonts/KestrelSans-Regular.otf",
        "Kestrel Sans",
        "KestrelSans",
    )
    shutil.copy(ROOT / "fonts/inter/OFL.txt", HERE / "file-fonts/fonts/OFL.txt")
