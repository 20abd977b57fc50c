# Draws the 128x128 extension icon (a lens over a pod hexagon) as a PNG with only the standard library.
import math, struct, zlib, sys

W = H = 128
BLUE = (50, 108, 229)
WHITE = (255, 255, 255)

def inside_hexagon(x, y, cx, cy, r):
    dx, dy = abs(x - cx), abs(y - cy)
    return dy <= r * math.sqrt(3) / 2 and dx * math.sqrt(3) / 2 + dy / 2 <= r * math.sqrt(3) / 2

rows = []
for y in range(H):
    row = bytearray([0])
    for x in range(W):
        px = (0, 0, 0, 0)
        if inside_hexagon(x, y, 64, 64, 60):
            px = BLUE + (255,)
            d = math.hypot(x - 56, y - 56)
            if 24 <= d <= 32:
                px = WHITE + (255,)
            # the lens handle
            if 78 <= x <= 100 and abs((y - 56) - (x - 56)) <= 5 and x + y >= 150:
                px = WHITE + (255,)
            if d < 24 and (x - 56) ** 2 + (y - 60) ** 2 < 100 and y > 52:
                px = WHITE + (255,)
        row.extend(px)
    rows.append(bytes(row))

def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)

png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', W, H, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(png)
