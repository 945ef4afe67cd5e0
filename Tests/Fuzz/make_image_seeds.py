"""Writes small PNG and JPEG seeds (media-type byte first) for the picture fuzzer."""
import struct
import sys
import zlib
from pathlib import Path


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int) -> bytes:
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


folder = Path(sys.argv[1])
(folder / "png-1x1").write_bytes(b"\x01" + png(1, 1))
(folder / "png-4x3").write_bytes(b"\x01" + png(4, 3))
(folder / "png-truncated").write_bytes(b"\x01" + png(4, 3)[:-5])
# The smallest JPEG-shaped file: SOI, a comment segment, EOI.
(folder / "jpeg-min").write_bytes(b"\x02" + b"\xff\xd8\xff\xfe\x00\x04hi\xff\xd9")
