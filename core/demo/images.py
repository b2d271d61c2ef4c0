"""Procedural stone and countertop images for demo content.

Everything is generated with Pillow only (no numpy, no downloads) and is fully
deterministic: the same ``(material, scene, seed, size)`` always yields the same
pixels. All heavy lifting is done by Pillow's C-level operations (affine/perspective
transforms of small random images, ImageMath on float images, blurs, LUTs), so a
1600x1067 image renders in well under a couple of seconds on one core.
"""

from __future__ import annotations

import hashlib
import io
import math
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageMath, ImageOps

MATERIALS = ("granite", "marble", "quartz", "quartzite", "soapstone")
_SCENES = ("slab", "countertop", "before")

_BICUBIC = Image.Resampling.BICUBIC
_BILINEAR = Image.Resampling.BILINEAR
_NEAREST = Image.Resampling.NEAREST
_AFFINE = Image.Transform.AFFINE
_PERSPECTIVE = Image.Transform.PERSPECTIVE


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def render(
    material: str, scene: str, seed: int, size: tuple[int, int] = (1600, 1067)
) -> Image.Image:
    """Render a demo image and return it as a plain RGB ``PIL.Image.Image``.

    ``material`` is one of :data:`MATERIALS`. ``scene`` is ``"slab"`` (close-up of the
    polished stone), ``"countertop"`` (kitchen/bath counter made of that stone) or
    ``"before"`` (the same room layout with an old, worn laminate counter). The result
    is byte-for-byte deterministic for identical arguments; ``countertop`` and
    ``before`` share the room layout for a given seed so they pair as before/after.
    """
    if material not in MATERIALS:
        raise ValueError(f"unknown material {material!r}; expected one of {MATERIALS}")
    if scene not in _SCENES:
        raise ValueError(f"unknown scene {scene!r}; expected one of {_SCENES}")
    w, h = int(size[0]), int(size[1])
    if w < 16 or h < 16:
        raise ValueError("size must be at least 16x16")
    seed = int(seed)
    # tiny requests are rendered at a sane working size and downsampled
    up = max(1.0, 480.0 / w, 320.0 / h)
    rw, rh = round(w * up), round(h * up)
    if scene == "slab":
        rng = _rng(seed, material, "slab")
        img = _stone(material, rng, (rw, rh), 1.0, _variant(seed, material))
        img = _slab_finish(img, material, rng)
    else:
        img = _room(material, seed, (rw, rh), before=(scene == "before"))
    if (rw, rh) != (w, h):
        img = img.resize((w, h), Image.Resampling.LANCZOS)
    return img.convert("RGB")


def to_jpeg_bytes(image: Image.Image, quality: int = 82) -> bytes:
    """Encode ``image`` as a progressive, optimized JPEG (4:2:0) with no EXIF or other metadata."""
    buf = io.BytesIO()
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    rgb.save(buf, "JPEG", quality=int(quality), optimize=True, progressive=True)
    return buf.getvalue()


def stable_seed(key: str) -> int:
    """Return a deterministic 31-bit seed derived from ``key`` (SHA-256 based)."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


# --------------------------------------------------------------------------------------
# Noise primitives
# --------------------------------------------------------------------------------------


def _rng(seed: int, *parts: str) -> random.Random:
    key = ":".join((str(seed),) + parts)
    return random.Random(int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big"))


def _affine_noise(
    rng: random.Random,
    size: tuple[int, int],
    cell: float,
    angle: float = 0.0,
    stretch: float = 1.0,
    shear: float = 0.0,
    resample: int = _BICUBIC,
    mode: str = "L",
) -> Image.Image:
    """Random lattice of ``cell``-sized features, rotated/stretched, upsampled in C."""
    w, h = size
    ca, sa = math.cos(angle), math.sin(angle)
    cu, cv = max(cell * stretch, 0.35), max(cell, 0.35)
    a, b = ca / cu - shear * sa / cv, sa / cu + shear * ca / cv
    d, e = -sa / cv, ca / cv
    corners = ((0, 0), (w, 0), (0, h), (w, h))
    us = [a * x + b * y for x, y in corners]
    vs = [d * x + e * y for x, y in corners]
    u0 = min(us) - 2.0 - rng.random()
    v0 = min(vs) - 2.0 - rng.random()
    nw = int(max(us) - u0) + 4
    nh = int(max(vs) - v0) + 4
    small = Image.frombytes("L", (nw, nh), rng.randbytes(nw * nh))
    if mode != "L":
        small = small.convert(mode)
    return small.transform(size, _AFFINE, (a, b, -u0, d, e, -v0), resample=resample)


def _normalize(f: Image.Image) -> Image.Image:
    lo, hi = f.getextrema()
    span = (hi - lo) or 1.0
    return f.point(lambda v: v * (1.0 / span) + (-lo / span))


def _fbm(
    rng: random.Random,
    size: tuple[int, int],
    cell: float,
    octaves: int = 6,
    gain: float = 0.5,
    angle: float = 0.0,
    stretch: float = 1.0,
    res: float = 0.5,
    jitter: float = 0.25,
) -> Image.Image:
    """Fractal value noise as a float image normalised to [0, 1]."""
    w, h = size
    ws = (max(8, round(w * res)), max(8, round(h * res)))
    acc = None
    amp = 1.0
    c = cell * res
    for _ in range(octaves):
        if c < 1.1 and acc is not None:
            break
        n = _affine_noise(rng, ws, c, angle + rng.uniform(-jitter, jitter), stretch, mode="F")
        if acc is None:
            acc = n
        else:
            acc = ImageMath.lambda_eval(lambda a, k=amp: a["p"] + a["n"] * k, p=acc, n=n)
        amp *= gain
        c *= 0.5
        stretch = 1.0 + (stretch - 1.0) * 0.8
    acc = _normalize(acc)
    if ws != size:
        acc = acc.resize(size, _BICUBIC)
    return acc


def _ramp(size: tuple[int, int], angle: float) -> Image.Image:
    """Linear float gradient 0..1 across the image along direction ``angle``."""
    w, h = size
    ca, sa = math.cos(angle), math.sin(angle)
    proj = [x * ca + y * sa for x, y in ((0, 0), (w, 0), (0, h), (w, h))]
    lo, hi = min(proj), max(proj)
    span = hi - lo or 1.0
    src = Image.new("F", (2, 1))
    src.putdata([0.0, 1.0])
    data = (ca / span, sa / span, 0.5 - lo / span, 0.0, 0.0, 0.5)
    return src.transform(size, _AFFINE, data, resample=_BILINEAR)


def _warp(img: Image.Image, rng: random.Random, amount: float, grid: int = 10) -> Image.Image:
    """Smooth domain warp using a displaced MESH transform (C level)."""
    w, h = img.size
    gx = grid
    gy = max(2, round(grid * h / w))
    disp = _affine_noise(rng, (gx + 1, gy + 1), 2.2, mode="L")
    disp2 = _affine_noise(rng, (gx + 1, gy + 1), 2.2, mode="L")
    dx = list(disp.get_flattened_data())
    dy = list(disp2.get_flattened_data())

    def pt(i: int, j: int) -> tuple[float, float]:
        k = j * (gx + 1) + i
        x = i * w / gx + (dx[k] - 127.5) / 127.5 * amount
        y = j * h / gy + (dy[k] - 127.5) / 127.5 * amount
        return min(max(x, 0.0), w - 1.0), min(max(y, 0.0), h - 1.0)

    mesh = []
    for j in range(gy):
        for i in range(gx):
            box = (
                round(i * w / gx),
                round(j * h / gy),
                round((i + 1) * w / gx),
                round((j + 1) * h / gy),
            )
            nw, sw, se, ne = pt(i, j), pt(i, j + 1), pt(i + 1, j + 1), pt(i + 1, j)
            mesh.append((box, (*nw, *sw, *se, *ne)))
    return img.transform(img.size, Image.Transform.MESH, mesh, resample=_BILINEAR)


def _to_l(f: Image.Image, lo: float = 0.0, hi: float = 1.0) -> Image.Image:
    s = 255.0 / ((hi - lo) or 1.0)
    return f.point(lambda v: v * s + (-lo * s)).convert("L")


def _vein(g: Image.Image, level: float, width: float, sharp: bool = True) -> Image.Image:
    """Iso-line of float field ``g`` at ``level`` with a Lorentzian profile (float 0..1)."""
    w2 = width * width
    v = ImageMath.lambda_eval(lambda a: w2 / ((a["g"] - level) * (a["g"] - level) + w2), g=g)
    if sharp:
        v = ImageMath.lambda_eval(lambda a: a["v"] * a["v"], v=v)
    return v


def _fmax(a: Image.Image, b: Image.Image) -> Image.Image:
    return ImageMath.lambda_eval(lambda e: e["max"](e["a"], e["b"]), a=a, b=b)


def _fade(rng: random.Random, size: tuple[int, int], cell: float, lo: float, hi: float):
    """Float mask 0..1 that fades features in and out smoothly."""
    n = _fbm(rng, size, cell, octaves=3, res=0.25)
    s = 1.0 / ((hi - lo) or 1.0)
    return ImageMath.lambda_eval(lambda a: a["min"](a["max"]((a["n"] - lo) * s, 0.0), 1.0), n=n)


def _mul(f: Image.Image, g: Image.Image) -> Image.Image:
    return ImageMath.lambda_eval(lambda a: a["f"] * a["g"], f=f, g=g)


# --------------------------------------------------------------------------------------
# Colour helpers
# --------------------------------------------------------------------------------------


def _lut(stops) -> list[int]:
    """256-entry RGB LUT (768 ints, band-major) from ``[(pos, (r, g, b)), ...]``."""
    stops = sorted(stops)
    out: list[list[int]] = [[], [], []]
    for i in range(256):
        t = i / 255.0
        if t <= stops[0][0]:
            col = stops[0][1]
        elif t >= stops[-1][0]:
            col = stops[-1][1]
        else:
            for (p0, c0), (p1, c1) in zip(stops, stops[1:], strict=False):
                if p0 <= t <= p1:
                    u = (t - p0) / ((p1 - p0) or 1.0)
                    u = u * u * (3 - 2 * u)
                    col = tuple(c0[k] + (c1[k] - c0[k]) * u for k in range(3))
                    break
        for k in range(3):
            out[k].append(max(0, min(255, round(col[k]))))
    return out[0] + out[1] + out[2]


def _colorize(gray: Image.Image, stops) -> Image.Image:
    if gray.mode != "L":
        gray = gray.convert("L")
    return Image.merge("RGB", (gray, gray, gray)).point(_lut(stops))


def _solid(size, color) -> Image.Image:
    return Image.new("RGB", size, tuple(int(c) for c in color))


def _over(base: Image.Image, color, mask: Image.Image, opacity: float = 1.0) -> Image.Image:
    """Composite ``color`` (tuple or image) over ``base`` through L ``mask``."""
    if opacity < 1.0:
        mask = mask.point(lambda v: v * opacity)
    top = color if isinstance(color, Image.Image) else _solid(base.size, color)
    return Image.composite(top, base, mask)


def _shade(c, f: float):
    return tuple(max(0, min(255, round(v * f))) for v in c)


def _mix(c0, c1, t: float):
    return tuple(round(a + (b - a) * t) for a, b in zip(c0, c1, strict=True))


def _jitter(rng: random.Random, c, amt: float):
    common = rng.uniform(-amt, amt)
    return tuple(max(0, min(255, round(v + common + rng.uniform(-amt, amt) * 0.25))) for v in c)


def _quantile_threshold(gray: Image.Image, frac: float) -> int:
    """Gray level above which roughly ``frac`` of the pixels lie."""
    hist = gray.histogram()
    total = sum(hist)
    target = total * frac
    acc = 0
    for level in range(255, -1, -1):
        acc += hist[level]
        if acc >= target:
            return level
    return 0


def _threshold_mask(gray: Image.Image, frac: float, soft: int = 0) -> Image.Image:
    t = _quantile_threshold(gray, frac)
    if soft <= 0:
        return gray.point(lambda v: 255 if v >= t else 0)
    return gray.point(lambda v: max(0, min(255, (v - t + soft) * 255 // (2 * soft))))


def _fine_grain(rng: random.Random, size, radius: float = 0.6) -> Image.Image:
    """Per-pixel random grain, lightly blurred (L, centred on 128)."""
    w, h = size
    g = Image.frombytes("L", size, rng.randbytes(w * h))
    if radius > 0:
        g = g.filter(ImageFilter.GaussianBlur(radius))
    return ImageOps.autocontrast(g, cutoff=0.5)


def _texture_light(img: Image.Image, gray: Image.Image, strength: float) -> Image.Image:
    """Subtle soft-light modulation by a gray texture (strength 0..1)."""
    k = strength
    g = gray.point(lambda v: round(128 + (v - 128) * k))
    return ImageChops.soft_light(img, Image.merge("RGB", (g, g, g)))


def _mosaic(rng: random.Random, size, cell: float, layers: int = 3, darker: bool = False):
    """Angular crystal-like mosaic: rotated nearest-neighbour lattices combined by max."""
    out = None
    for _ in range(layers):
        lay = _affine_noise(
            rng,
            size,
            cell * rng.uniform(0.75, 1.3),
            rng.uniform(0, math.pi),
            rng.uniform(0.8, 1.5),
            rng.uniform(-0.6, 0.6),
            resample=_NEAREST,
        )
        if out is None:
            out = lay
        else:
            out = ImageChops.darker(out, lay) if darker else ImageChops.lighter(out, lay)
    return ImageOps.equalize(out)


# --------------------------------------------------------------------------------------
# Materials
# --------------------------------------------------------------------------------------

_GRANITES = (
    # base stops, quartz colour, dark mineral, dark density, accent colour, accent density
    {
        "name": "salt-and-pepper",
        "base": [(0, (150, 150, 148)), (0.55, (200, 199, 195)), (1, (232, 231, 227))],
        "quartz": (118, 120, 124),
        "dark": (22, 22, 25),
        "dark_d": 0.24,
        "accent": (95, 96, 100),
        "accent_d": 0.08,
        "cluster": 0.3,
    },
    {
        "name": "santa-cecilia",
        "base": [(0, (168, 134, 86)), (0.5, (204, 172, 118)), (1, (229, 206, 158))],
        "quartz": (146, 132, 116),
        "dark": (38, 30, 26),
        "dark_d": 0.16,
        "accent": (118, 42, 38),
        "accent_d": 0.06,
        "cluster": 0.35,
    },
    {
        "name": "blue-pearl",
        "base": [(0, (34, 38, 47)), (0.5, (58, 65, 80)), (1, (92, 104, 124))],
        "quartz": (122, 140, 166),
        "dark": (12, 13, 16),
        "dark_d": 0.32,
        "accent": (150, 170, 200),
        "accent_d": 0.05,
        "cluster": 0.3,
    },
    {
        "name": "kashmir-white",
        "base": [(0, (198, 195, 190)), (0.6, (226, 224, 219)), (1, (242, 240, 236))],
        "quartz": (172, 172, 175),
        "dark": (64, 62, 64),
        "dark_d": 0.07,
        "accent": (128, 42, 48),
        "accent_d": 0.035,
        "cluster": 0.35,
    },
    {
        "name": "steel-grey",
        "base": [(0, (58, 58, 60)), (0.5, (88, 88, 90)), (1, (124, 124, 126))],
        "quartz": (150, 150, 152),
        "dark": (18, 18, 20),
        "dark_d": 0.3,
        "accent": (190, 190, 188),
        "accent_d": 0.05,
        "cluster": 0.25,
    },
    {
        "name": "giallo",
        "base": [(0, (176, 150, 110)), (0.5, (214, 192, 150)), (1, (236, 222, 190))],
        "quartz": (160, 150, 140),
        "dark": (52, 40, 34),
        "dark_d": 0.12,
        "accent": (140, 95, 60),
        "accent_d": 0.1,
        "cluster": 0.4,
    },
)


def _crystals(rng: random.Random, size, cell: float, layers: int = 3, organic: float = 0.45):
    """Irregular grain field: angular mosaic roughened by smooth noise of similar scale."""
    mo = _mosaic(rng, size, cell, layers)
    bn = ImageOps.equalize(_affine_noise(rng, size, cell * 0.75, rng.uniform(0, math.pi)))
    return ImageChops.blend(mo, bn, organic)


def _granite(rng: random.Random, size, scale: float, variant: int) -> Image.Image:
    st = _GRANITES[variant % len(_GRANITES)]
    w, h = size
    g = max(1.4, 8.0 * scale * rng.uniform(0.85, 1.2))
    base_stops = [(p, _jitter(rng, c, 6)) for p, c in st["base"]]
    img = _colorize(ImageOps.equalize(_crystals(rng, size, g * 1.3, organic=0.3)), base_stops)
    # clustering fields so minerals gather in patches instead of uniform static
    clump = _to_l(_fbm(rng, size, g * rng.uniform(9, 14), octaves=3, res=0.25))
    clump2 = _to_l(_fbm(rng, size, g * rng.uniform(9, 14), octaves=3, res=0.25))
    cluster = st["cluster"]
    # translucent grey quartz
    q = ImageChops.blend(_crystals(rng, size, g * 1.1, 2), clump2, 0.35)
    img = _over(img, _jitter(rng, st["quartz"], 6), _threshold_mask(q, 0.2), 0.65)
    # dark mafic minerals in clusters
    dk = ImageChops.blend(_crystals(rng, size, g * 0.8), ImageOps.invert(clump), cluster)
    dmask = _threshold_mask(dk, st["dark_d"] * rng.uniform(0.8, 1.2))
    dark_img = _colorize(
        _mosaic(rng, size, g * 0.45, layers=1),
        [
            (0, _shade(st["dark"], 0.7)),
            (1, _shade(st["dark"], 1.7)),
        ],
    )
    img = Image.composite(dark_img, img, dmask)
    # accent crystals (garnet, feldspar flashes, ...)
    ac = ImageChops.blend(_crystals(rng, size, g * 0.7, 2), clump2, 0.25)
    img = _over(img, st["accent"], _threshold_mask(ac, st["accent_d"]), 0.85)
    # large-scale variation and crystal surface texture
    cloud = _to_l(_fbm(rng, size, max(w, h) * 0.5 * scale, octaves=3, res=0.125))
    img = _texture_light(img, cloud, 0.25)
    img = _texture_light(img, _fine_grain(rng, size, 0.9), 0.1)
    return img.filter(ImageFilter.GaussianBlur(0.55 if scale >= 0.6 else 0.3))


def _vein_paths(
    rng: random.Random,
    size,
    count: int,
    angle: float,
    width: float,
    step: float,
    wander: float,
    jag: float,
    branch: float,
    depth: int = 2,
    length: float = 1.3,
):
    """Random-walk vein polylines with momentum, width drift and branching."""
    w, h = size
    diag = math.hypot(w, h)
    ca, sa = math.cos(angle), math.sin(angle)
    paths: list[tuple[list[tuple[float, float]], list[float]]] = []
    margin = diag * 0.1

    def walk(x, y, heading, wid, dist, lvl, pull):
        base = heading
        pts = [(x, y)]
        wids = [wid]
        turn = 0.0
        wmod = 1.0
        inside = False
        for _ in range(max(2, int(dist / step))):
            turn = turn * 0.8 + rng.gauss(0.0, wander)
            heading += turn
            diff = math.atan2(math.sin(base - heading), math.cos(base - heading))
            heading += diff * pull
            x += math.cos(heading) * step + rng.gauss(0.0, jag)
            y += math.sin(heading) * step + rng.gauss(0.0, jag)
            wmod = min(1.8, max(0.15, wmod * 0.97 + 0.03 + rng.gauss(0.0, 0.16)))
            pts.append((x, y))
            wids.append(wid * wmod)
            if lvl < depth and rng.random() < branch:
                side = rng.choice((-1.0, 1.0))
                walk(
                    x,
                    y,
                    heading + side * rng.uniform(0.2, 0.6),
                    wid * rng.uniform(0.25, 0.5),
                    dist * rng.uniform(0.1, 0.3),
                    lvl + 1,
                    pull * 0.5,
                )
            out = x < -margin or y < -margin or x > w + margin or y > h + margin
            if out and inside:
                break
            inside = inside or not out
        n = len(wids)
        for i in range(n):
            t = i / (n - 1)
            wids[i] *= min(1.0, (1.0 - t) / 0.3, 0.35 + t / 0.1 if lvl else 1.0)
        paths.append((pts, wids))

    for k in range(count):
        t = ((k + rng.random()) / count - 0.5) * 0.85
        sx = w / 2 - ca * diag * 0.55 - sa * t * diag
        sy = h / 2 - sa * diag * 0.55 + ca * t * diag
        walk(
            sx,
            sy,
            angle + rng.gauss(0.0, 0.2),
            width * rng.uniform(0.6, 1.4),
            diag * length,
            0,
            0.06,
        )
    return paths


def _draw_paths(size, paths, ss: int = 2) -> Image.Image:
    """Rasterise vein paths into an L mask (supersampled for soft thin lines)."""
    w, h = size
    mask = Image.new("L", (w * ss, h * ss), 0)
    dr = ImageDraw.Draw(mask)
    for pts, wids in paths:
        for i in range(1, len(pts)):
            (x0, y0), (x1, y1) = pts[i - 1], pts[i]
            wd = wids[i] * ss
            dr.line((x0 * ss, y0 * ss, x1 * ss, y1 * ss), fill=255, width=max(1, round(wd)))
            if wd > 3:
                r = wd / 2
                dr.ellipse((x1 * ss - r, y1 * ss - r, x1 * ss + r, y1 * ss + r), fill=255)
    if ss > 1:
        mask = mask.reduce(ss)
    return mask


def _veins_mask(
    rng, size, scale, count, angle, width, wander, jag, branch, depth=2, fade=(0.15, 0.55)
):
    step = max(4.5, 9.0 * scale)
    paths = _vein_paths(
        rng, size, count, angle, width * scale, step, wander, jag * scale, branch, depth
    )
    mask = _draw_paths(size, paths)
    if fade is not None:
        f = _fade(rng, size, max(size) * 0.45 * scale, *fade)
        mask = ImageChops.multiply(mask, _to_l(f))
    return mask


_MARBLES = (
    {
        "name": "carrara",
        "bg": [(0, (208, 210, 213)), (0.6, (229, 230, 232)), (1, (243, 243, 243))],
        "vein": (116, 120, 128),
        "halo": (172, 176, 183),
        "major": (5, 9),
        "major_w": 3.2,
        "major_a": 0.6,
        "minor": (8, 12),
        "minor_a": 0.4,
        "streak_a": 0.35,
        "blur": 1.6,
        "wander": 0.025,
        "branch": 0.02,
        "halo_a": 0.5,
    },
    {
        "name": "calacatta",
        "bg": [(0, (228, 224, 216)), (0.6, (242, 239, 233)), (1, (250, 248, 244))],
        "vein": (98, 96, 94),
        "halo": (190, 170, 132),
        "major": (2, 4),
        "major_w": 16.0,
        "major_a": 0.85,
        "minor": (4, 7),
        "minor_a": 0.4,
        "streak_a": 0.12,
        "blur": 1.0,
        "wander": 0.03,
        "branch": 0.03,
        "halo_a": 0.55,
    },
    {
        "name": "statuario",
        "bg": [(0, (226, 228, 230)), (0.6, (243, 243, 244)), (1, (252, 252, 252))],
        "vein": (84, 86, 92),
        "halo": (160, 164, 172),
        "major": (2, 4),
        "major_w": 11.0,
        "major_a": 0.8,
        "minor": (4, 7),
        "minor_a": 0.4,
        "streak_a": 0.15,
        "blur": 1.0,
        "wander": 0.035,
        "branch": 0.035,
        "halo_a": 0.5,
    },
    {
        "name": "nero-marquina",
        "bg": [(0, (12, 12, 14)), (0.6, (26, 26, 28)), (1, (42, 42, 44))],
        "vein": (238, 236, 232),
        "halo": (95, 95, 98),
        "major": (3, 5),
        "major_w": 4.5,
        "major_a": 0.95,
        "minor": (3, 6),
        "minor_a": 0.4,
        "streak_a": 0.1,
        "blur": 0.6,
        "wander": 0.045,
        "branch": 0.05,
        "halo_a": 0.35,
    },
    {
        "name": "crema",
        "bg": [(0, (204, 187, 158)), (0.6, (224, 210, 186)), (1, (236, 226, 206))],
        "vein": (168, 146, 112),
        "halo": (212, 196, 166),
        "major": (3, 6),
        "major_w": 5.0,
        "major_a": 0.45,
        "minor": (6, 10),
        "minor_a": 0.4,
        "streak_a": 0.3,
        "blur": 1.4,
        "wander": 0.03,
        "branch": 0.025,
        "halo_a": 0.5,
    },
)


def _marble(rng: random.Random, size, scale: float, variant: int) -> Image.Image:
    st = _MARBLES[variant % len(_MARBLES)]
    w, h = size
    big = max(w, h)
    theta = rng.uniform(-0.8, 0.8) + (math.pi / 2 if rng.random() < 0.2 else 0.0)
    # background clouds
    cloud = _fbm(rng, size, big * 0.35 * scale, octaves=6, gain=0.5, res=0.25)
    img = _colorize(_to_l(cloud), st["bg"])
    # soft cloudy streaks: ridges of a smooth, stretched field
    turb = _fbm(
        rng, size, big * 0.6 * scale, octaves=4, gain=0.45, angle=theta, stretch=3.0, res=0.25
    )
    g = _normalize(
        ImageMath.lambda_eval(
            lambda a: a["t"] * 0.5 + a["r"] * 0.5, t=turb, r=_ramp(size, theta + math.pi / 2)
        )
    )
    streak = None
    for _ in range(rng.randint(3, 6)):
        v = _vein(g, rng.uniform(0.05, 0.95), 0.02 * rng.uniform(0.5, 1.5), sharp=False)
        streak = v if streak is None else _fmax(streak, v)
    streak = _mul(streak, _fade(rng, size, big * 0.4 * scale, 0.2, 0.7))
    img = _over(img, st["halo"], _to_l(streak), st["streak_a"])
    # drawn veins: bold major veins with halo, then a network of fine ones
    major = _veins_mask(
        rng,
        size,
        scale,
        rng.randint(*st["major"]),
        theta,
        st["major_w"],
        st["wander"],
        1.2,
        st["branch"],
        fade=(0.0, 0.35),
    )
    minor = _veins_mask(
        rng,
        size,
        scale,
        rng.randint(*st["minor"]),
        theta + rng.uniform(-0.25, 0.25),
        st["major_w"] * 0.3,
        st["wander"] * 1.1,
        1.4,
        st["branch"] * 1.2,
        depth=1,
        fade=(0.3, 0.7),
    )
    halo = major.filter(ImageFilter.GaussianBlur(max(2.0, 16 * scale)))
    halo = ImageOps.autocontrast(halo, cutoff=0.2)
    img = _over(img, st["halo"], halo, st["halo_a"])
    br = st["blur"] * max(scale, 0.5)
    img = _over(img, st["vein"], minor.filter(ImageFilter.GaussianBlur(br * 0.7)), st["minor_a"])
    # veins are not painted strokes: give them a soft body and a mottled, uneven core
    body = major.filter(ImageFilter.GaussianBlur(max(1.5, 5 * scale)))
    img = _over(img, st["vein"], body, st["major_a"] * 0.35)
    mott = _to_l(_fbm(rng, size, max(4.0, 40 * scale), octaves=4, gain=0.6, res=0.5), -0.6, 1.0)
    core = ImageChops.multiply(major.filter(ImageFilter.GaussianBlur(br * 1.4)), mott)
    img = _over(img, st["vein"], core, st["major_a"])
    img = _texture_light(img, _fine_grain(rng, size, 0.8), 0.06)
    return img.filter(ImageFilter.GaussianBlur(0.4))


_QUARTZ = (
    {
        "name": "white-speckle",
        "bg": (238, 237, 234),
        "specks": [((150, 150, 152), 0.02), ((196, 195, 192), 0.05), ((110, 110, 112), 0.006)],
        "veins": 0.0,
    },
    {
        "name": "concrete-grey",
        "bg": (168, 168, 165),
        "specks": [((128, 128, 126), 0.05), ((200, 200, 197), 0.03), ((90, 90, 90), 0.01)],
        "veins": 0.0,
    },
    {
        "name": "black-sparkle",
        "bg": (30, 30, 33),
        "specks": [((210, 210, 214), 0.004), ((70, 70, 74), 0.05), ((120, 120, 125), 0.01)],
        "veins": 0.0,
    },
    {
        "name": "calacatta-quartz",
        "bg": (243, 242, 239),
        "specks": [((222, 221, 218), 0.03), ((200, 200, 200), 0.01)],
        "veins": 0.3,
    },
    {
        "name": "sand",
        "bg": (222, 210, 188),
        "specks": [((182, 164, 136), 0.04), ((240, 234, 222), 0.05), ((130, 110, 90), 0.008)],
        "veins": 0.0,
    },
    {
        "name": "pure-white",
        "bg": (246, 246, 244),
        "specks": [((232, 232, 230), 0.02)],
        "veins": 0.12,
    },
)


def _quartz(rng: random.Random, size, scale: float, variant: int) -> Image.Image:
    st = _QUARTZ[variant % len(_QUARTZ)]
    w, h = size
    bg = _jitter(rng, st["bg"], 4)
    cloud = _to_l(_fbm(rng, size, max(w, h) * 0.4 * scale, octaves=3, res=0.125))
    img = _colorize(cloud, [(0, _shade(bg, 0.985)), (1, _shade(bg, 1.015))])
    for col, dens in st["specks"]:
        cell = max(0.55, rng.uniform(1.0, 2.2) * scale)
        n = _affine_noise(rng, size, cell, rng.uniform(0, math.pi), mode="L")
        img = _over(img, col, _threshold_mask(n, dens, soft=12), 0.9)
    if st["veins"] > 0:
        theta = rng.uniform(-0.7, 0.7)
        count = rng.randint(2, 4)
        v = _veins_mask(rng, size, scale, count, theta, 5.0, 0.03, 0.8, 0.02, depth=1)
        img = _over(
            img, (150, 150, 155), v.filter(ImageFilter.GaussianBlur(2.5 * scale)), st["veins"]
        )
        img = _over(
            img, (190, 190, 194), v.filter(ImageFilter.GaussianBlur(12 * scale)), st["veins"]
        )
    return img.filter(ImageFilter.GaussianBlur(0.35))


_QUARTZITES = (
    {
        "name": "taj-mahal",
        "cols": [
            (238, 231, 216),
            (222, 208, 184),
            (205, 184, 150),
            (246, 242, 233),
            (214, 198, 172),
        ],
        "line": (170, 145, 110),
    },
    {
        "name": "sea-pearl",
        "cols": [
            (234, 237, 235),
            (206, 214, 211),
            (178, 191, 190),
            (222, 228, 226),
            (150, 162, 165),
        ],
        "line": (96, 108, 112),
    },
    {
        "name": "mont-blanc",
        "cols": [
            (236, 236, 235),
            (204, 205, 206),
            (170, 172, 175),
            (224, 224, 224),
            (138, 140, 144),
        ],
        "line": (90, 92, 96),
    },
    {
        "name": "sea-glass",
        "cols": [
            (230, 236, 233),
            (198, 214, 209),
            (172, 197, 194),
            (216, 227, 222),
            (146, 175, 176),
        ],
        "line": (80, 112, 116),
    },
)


def _quartzite(rng: random.Random, size, scale: float, variant: int) -> Image.Image:
    st = _QUARTZITES[variant % len(_QUARTZITES)]
    w, h = size
    big = max(w, h)
    theta = rng.uniform(-0.6, 0.6) + (math.pi / 2 if rng.random() < 0.2 else 0.0)
    f = _fbm(rng, size, big * 0.8 * scale, octaves=6, gain=0.5, angle=theta, stretch=3.5, res=0.5)
    rw = 0.9 / max(scale, 0.25) ** 0.5
    g = _normalize(
        ImageMath.lambda_eval(
            lambda a: a["f"] * 0.45 + a["r"] * rw, f=f, r=_ramp(size, theta + math.pi / 2)
        )
    )
    g = _warp(g, rng, big * 0.04 * scale, 8)
    # banded palette with a mix of crisp and soft transitions
    cols = st["cols"]
    stops = []
    pos = 0.0
    i = 0
    while pos < 1.0:
        c = _jitter(rng, cols[(i * 2 + rng.randrange(3)) % len(cols)], 6)
        stops.append((pos, c))
        width = rng.uniform(0.025, 0.11)
        if rng.random() < 0.3:
            stops.append((min(1.0, pos + width * 0.7), c))
        pos += width
        i += 1
    stops.append((1.0, stops[-1][1]))
    img = _colorize(_to_l(g), stops)
    # translucent milky veils and thin crystalline seams along the bands
    veil = None
    for _ in range(rng.randint(3, 5)):
        v = _vein(g, rng.uniform(0.05, 0.95), 0.012 * rng.uniform(0.6, 1.6), sharp=False)
        veil = v if veil is None else _fmax(veil, v)
    veil = _mul(veil, _fade(rng, size, big * 0.4 * scale, 0.2, 0.7))
    img = _over(img, (248, 248, 246), _to_l(veil), 0.45)
    lines = None
    for _ in range(rng.randint(2, 4)):
        v = _vein(g, rng.uniform(0.1, 0.9), 0.0018 * rng.uniform(0.6, 1.4))
        lines = v if lines is None else _fmax(lines, v)
    lines = _mul(lines, _fade(rng, size, big * 0.4 * scale, 0.3, 0.7))
    img = _over(img, st["line"], _to_l(lines, 0, 1), 0.55)
    # sugary crystalline texture and glassy sparkle
    cry = _mosaic(rng, size, max(1.5, 5.0 * scale), layers=2)
    img = _texture_light(img, cry, 0.1)
    sparkle = _threshold_mask(_mosaic(rng, size, max(1.2, 3.0 * scale), layers=2), 0.008)
    img = _over(img, (250, 252, 252), sparkle.filter(ImageFilter.GaussianBlur(0.6)), 0.4)
    return img.filter(ImageFilter.GaussianBlur(0.45))


_SOAPSTONES = (
    ((46, 50, 50), (58, 63, 62), (70, 77, 75)),
    ((42, 44, 46), (53, 55, 57), (66, 68, 70)),
    ((46, 52, 48), (59, 66, 61), (74, 82, 76)),
)


def _soapstone(rng: random.Random, size, scale: float, variant: int) -> Image.Image:
    w, h = size
    big = max(w, h)
    tone = _SOAPSTONES[variant % len(_SOAPSTONES)]
    cloud = _fbm(rng, size, big * 0.35 * scale, octaves=6, gain=0.55, res=0.25)
    img = _colorize(_to_l(cloud), [(0, tone[0]), (0.55, tone[1]), (1, tone[2])])
    theta = rng.uniform(-1.0, 1.0)
    veins = _veins_mask(
        rng, size, scale, rng.randint(2, 4), theta, 1.6, 0.04, 1.0, 0.03, depth=1, fade=(0.2, 0.6)
    )
    img = _over(img, (176, 184, 180), veins.filter(ImageFilter.GaussianBlur(0.8)), 0.45)
    img = _over(img, (120, 128, 124), veins.filter(ImageFilter.GaussianBlur(6 * scale)), 0.25)
    # faint talc clouds
    talc = _fbm(rng, size, big * 0.2 * scale, octaves=4, res=0.25)
    img = _over(img, (110, 118, 114), _to_l(talc, 0.72, 1.0), 0.2)
    img = _texture_light(img, _fine_grain(rng, size, 0.9), 0.1)
    return img.filter(ImageFilter.GaussianBlur(0.5))


def _laminate(rng: random.Random, size, scale: float) -> Image.Image:
    """Dated 1980s/90s speckled laminate (beige / mauve / almond)."""
    w, h = size
    base = rng.choice([(220, 202, 180), (212, 190, 184), (222, 208, 186), (210, 188, 176)])
    cloud = _to_l(_fbm(rng, size, max(w, h) * 0.2 * scale, octaves=4, res=0.25))
    img = _colorize(cloud, [(0, _shade(base, 0.95)), (1, _shade(base, 1.04))])
    specks = [
        ((168, 120, 132), 0.05),
        ((140, 108, 88), 0.04),
        ((242, 234, 222), 0.07),
        ((104, 94, 94), 0.015),
        ((192, 150, 150), 0.05),
    ]
    for col, dens in specks:
        n = _affine_noise(rng, size, max(0.9, 2.2 * scale), rng.uniform(0, 3.1))
        img = _over(img, col, _threshold_mask(n, dens, soft=20), 0.75)
    return img.filter(ImageFilter.GaussianBlur(0.5))


_MATERIAL_FUNCS = {
    "granite": _granite,
    "marble": _marble,
    "quartz": _quartz,
    "quartzite": _quartzite,
    "soapstone": _soapstone,
}


def _stone(material: str, rng: random.Random, size, scale: float, variant: int) -> Image.Image:
    return _MATERIAL_FUNCS[material](rng, size, scale, variant)


def _variant(seed: int, material: str) -> int:
    """Which colourway of ``material`` a seed uses (shared by slab, counter and wall)."""
    return _rng(seed, material, "variant").randrange(1 << 30)


# --------------------------------------------------------------------------------------
# Slab finishing (polish reflection, light falloff)
# --------------------------------------------------------------------------------------


def _radial(size, center, radius, power: float = 1.0) -> Image.Image:
    """L image: 255 at ``center`` fading to 0 at ``radius`` (ellipse allowed)."""
    w, h = size
    rx, ry = radius if isinstance(radius, tuple) else (radius, radius)
    grad = Image.radial_gradient("L")  # 0 centre .. 255 at radius 128*sqrt(2)
    lut = [max(0, min(255, round(255 * max(0.0, 1 - i / 181.0) ** power))) for i in range(256)]
    grad = grad.point(lut)
    sx, sy = 2 * rx / 256.0 * 1.0, 2 * ry / 256.0
    cx, cy = center
    data = (1 / sx, 0, 128 - cx / sx, 0, 1 / sy, 128 - cy / sy)
    return grad.transform((w, h), _AFFINE, data, resample=_BILINEAR, fillcolor=0)


def _slab_finish(img: Image.Image, material: str, rng: random.Random) -> Image.Image:
    w, h = img.size
    gloss = {"soapstone": 0.25, "quartz": 0.8}.get(material, 1.0)
    # window reflection: soft bright panes, screened on
    refl = Image.new("L", (w, h), 0)
    dr = ImageDraw.Draw(refl)
    x0 = rng.uniform(0.05, 0.45) * w
    y0 = rng.uniform(-0.1, 0.15) * h
    pw, ph = w * rng.uniform(0.22, 0.3), h * rng.uniform(0.5, 0.7)
    skew = rng.uniform(0.1, 0.3) * w
    bar = max(2, round(w * 0.012))
    for i in range(2):
        px = x0 + i * (pw / 2 + bar / 2)
        dr.polygon(
            [
                (px, y0),
                (px + pw / 2 - bar / 2, y0),
                (px + pw / 2 - bar / 2 + skew, y0 + ph),
                (px + skew, y0 + ph),
            ],
            fill=255,
        )
    refl = refl.filter(ImageFilter.GaussianBlur(w * 0.04))
    fade = _radial((w, h), (x0 + pw * 0.5 + skew * 0.3, y0 + ph * 0.35), (w * 0.5, h * 0.7))
    refl = ImageChops.multiply(refl, fade)
    amount = 0.07 * gloss
    refl = refl.point(lambda v: round(v * amount))
    img = ImageChops.add(img, Image.merge("RGB", (refl, refl, refl)))
    # broad sheen + gentle vignette
    sheen = _radial((w, h), (w * rng.uniform(0.3, 0.7), h * 0.3), (w * 0.9, h * 0.9), 1.5)
    sheen = sheen.point(lambda v: round(v * 0.03 * gloss))
    img = ImageChops.add(img, Image.merge("RGB", (sheen, sheen, sheen)))
    vig = _radial((w, h), (w / 2, h / 2), (w * 0.95, h * 0.95), 0.6).point(
        lambda v: 205 + v * 50 // 255
    )
    return ImageChops.multiply(img, Image.merge("RGB", (vig, vig, vig)))


# --------------------------------------------------------------------------------------
# Room scenes
# --------------------------------------------------------------------------------------


def _solve8(pairs) -> tuple[float, ...]:
    """Perspective coefficients mapping output (x, y) -> input (u, v) from 4 point pairs."""
    rows = []
    rhs = []
    for (x, y), (u, v) in pairs:
        rows.append([x, y, 1.0, 0.0, 0.0, 0.0, -x * u, -y * u])
        rhs.append(u)
        rows.append([0.0, 0.0, 0.0, x, y, 1.0, -x * v, -y * v])
        rhs.append(v)
    n = 8
    m = [r + [b] for r, b in zip(rows, rhs, strict=True)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        piv = m[c][c]
        for r in range(n):
            if r != c and m[r][c] != 0.0:
                f = m[r][c] / piv
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return tuple(m[i][n] / m[i][i] for i in range(n))


class _View:
    """One-point perspective of a counter running across the whole frame."""

    def __init__(self, w: int, h: int, yb: float, yf: float, vx: float, k: float):
        self.w, self.h = w, h
        self.yb, self.yf, self.vx, self.k = yb, yf, vx, k
        self.vy = (yb - k * yf) / (1.0 - k)
        self.u = min(w, h * 1.5)  # width of the largest 3:2 window: the scene's size unit
        self.hu = self.u / 1.5
        self.depth = self.u * 0.27  # counter depth in front-edge pixels
        self.zc = k * self.depth / (1.0 - k)
        self.xmin = vx - vx / k - 2.0

    def s(self, z: float) -> float:
        return self.zc / (self.zc + z)

    def proj(self, x: float, z: float, y: float = 0.0) -> tuple[float, float]:
        s = self.s(z)
        return self.vx + (x - self.vx) * s, self.vy + (self.yf - self.vy) * s - y * s

    def tex_size(self) -> tuple[int, int]:
        return math.ceil(self.w / self.k) + 6, math.ceil(self.depth) + 2

    def map_top(self, tex: Image.Image) -> Image.Image:
        """Project a top-surface texture (row 0 = back wall) onto the counter band."""
        w, yb, yf, d, k, vx = self.w, self.yb, self.yf, self.depth, self.k, self.vx
        y0 = math.floor(yb)
        band = math.ceil(yf) - y0 + 1
        pairs = [
            ((0.0, yb - y0), (vx - vx / k - self.xmin, 0.0)),
            ((float(w), yb - y0), (vx + (w - vx) / k - self.xmin, 0.0)),
            ((float(w), yf - y0), (w - self.xmin, d)),
            ((0.0, yf - y0), (-self.xmin, d)),
        ]
        coeffs = _solve8(pairs)
        return tex.transform((w, band), _PERSPECTIVE, coeffs, resample=_BICUBIC)


_CABINETS = (
    ("white", (236, 235, 230)),
    ("navy", (44, 58, 84)),
    ("sage", (150, 165, 144)),
    ("greige", (190, 184, 172)),
    ("charcoal", (64, 66, 68)),
    ("walnut", (112, 78, 52)),
    ("oak", (176, 142, 100)),
)
_HARDWARE = (
    ((188, 156, 94), (240, 220, 160), (96, 76, 40)),  # brass
    ((36, 36, 38), (110, 110, 112), (12, 12, 12)),  # matte black
    ((170, 172, 176), (238, 240, 242), (82, 84, 88)),  # nickel
)
_TILES = ((238, 238, 234), (232, 230, 222), (176, 192, 178), (206, 208, 208), (96, 120, 140))
_PAINT = ((226, 222, 212), (214, 218, 214), (200, 208, 210), (232, 226, 216))


_SCENE_SCALE = {
    "granite": 0.42,
    "marble": 0.75,
    "quartz": 0.5,
    "quartzite": 0.8,
    "soapstone": 0.7,
}


def _layout(seed: int, size) -> dict:
    rng = _rng(seed, "layout")
    w, h = size
    lay: dict = {}
    u = min(w, h * 1.5)
    hu = u / 1.5
    yb = h / 2 + hu * (rng.uniform(0.46, 0.52) - 0.5)
    yf = yb + hu * rng.uniform(0.16, 0.19)
    lay["view"] = _View(w, h, yb, yf, w * rng.uniform(0.38, 0.62), rng.uniform(0.74, 0.8))
    lay["edge"] = hu * rng.uniform(0.032, 0.042)
    lay["light_left"] = rng.random() < 0.5
    lay["sink"] = rng.random() < 0.65
    lay["sink_x"] = w * rng.uniform(0.3, 0.7)
    lay["sink_w"] = u * rng.uniform(0.3, 0.38)
    lay["wall"] = rng.choice(("subway", "subway", "stone", "paint"))
    lay["tile"] = rng.choice(_TILES)
    lay["tile_w"] = u * rng.uniform(0.06, 0.08)
    lay["paint"] = rng.choice(_PAINT)
    lay["upper"] = rng.random() < 0.55
    lay["upper_y"] = max(hu * 0.04, yb - hu * rng.uniform(0.36, 0.43))
    lay["cab"] = rng.choice(_CABINETS)
    lay["hw"] = rng.choice(_HARDWARE)
    lay["drawer_h"] = hu * rng.uniform(0.11, 0.14)
    # decor, kept clear of the sink and faucet
    spots = [w * 0.13, w * 0.87] if rng.random() < 0.5 else [w * 0.87, w * 0.13]
    if lay["sink"]:
        spots = [x for x in spots if abs(x - lay["sink_x"]) > lay["sink_w"] * 0.5 + u * 0.1]
    spots = [x + w * rng.uniform(-0.04, 0.04) for x in spots]
    lay["board"] = bool(spots) and rng.random() < 0.55
    lay["board_x"] = spots.pop(0) if lay["board"] else 0.0
    lay["bowl"] = bool(spots) and rng.random() < 0.75
    lay["bowl_x"] = spots.pop(0) if lay["bowl"] else 0.0
    # cabinet box widths across the run; the sink base is centred under the sink
    boxes = []
    x = -w * rng.uniform(0.02, 0.15)
    sx, sw = lay["sink_x"], lay["sink_w"]
    if lay["sink"]:
        bw = sw * 1.15
        left = sx - bw / 2
        xs = [left, left + bw]
        while xs[0] > 0:
            xs.insert(0, xs[0] - u * rng.choice((0.18, 0.22, 0.26)))
        while xs[-1] < w:
            xs.append(xs[-1] + u * rng.choice((0.18, 0.22, 0.26)))
        boxes = [(a, b, abs((a + b) / 2 - sx) < 1) for a, b in zip(xs, xs[1:], strict=False)]
    else:
        while x < w:
            bw = u * rng.choice((0.18, 0.22, 0.26, 0.3))
            boxes.append((x, x + bw, False))
            x += bw
    lay["boxes"] = boxes
    lay["seed"] = seed
    return lay


def _vgrad(size, top: float, bottom: float, power: float = 1.0) -> Image.Image:
    """L image with a vertical gradient from ``top`` to ``bottom`` (0..255 values)."""
    w, h = size
    col = Image.new("L", (1, max(1, h)))
    n = max(1, h - 1)
    col.putdata([round(top + (bottom - top) * (i / n) ** power) for i in range(max(1, h))])
    return col.resize((w, max(1, h)), _BILINEAR)


def _hgrad(size, left: float, right: float) -> Image.Image:
    w, h = size
    row = Image.new("L", (max(1, w), 1))
    n = max(1, w - 1)
    row.putdata([round(left + (right - left) * i / n) for i in range(max(1, w))])
    return row.resize((max(1, w), h), _BILINEAR)


def _gray3(g: Image.Image) -> Image.Image:
    return Image.merge("RGB", (g, g, g))


def _multiply(img: Image.Image, gray: Image.Image) -> Image.Image:
    return ImageChops.multiply(img, _gray3(gray))


def _screen_add(img: Image.Image, gray: Image.Image, color=(255, 255, 255)) -> Image.Image:
    top = ImageChops.multiply(_gray3(gray), _solid(img.size, color))
    return ImageChops.screen(img, top)


def _aa_layer(size, ss: int = 3):
    layer = Image.new("RGBA", (size[0] * ss, size[1] * ss), (0, 0, 0, 0))
    return layer, ImageDraw.Draw(layer)


def _aa_paste(img: Image.Image, layer: Image.Image, ss: int, offset=(0, 0)) -> Image.Image:
    small = layer.convert("RGBa").reduce(ss).convert("RGBA")
    ox, oy = round(offset[0]), round(offset[1])
    box = (ox, oy, ox + small.size[0], oy + small.size[1])
    region = img.crop(box).convert("RGBA")
    region.alpha_composite(small)
    img.paste(region.convert("RGB"), box[:2])
    return img


def _wood(rng: random.Random, size, base, vertical: bool = True) -> Image.Image:
    w, h = size
    ang = math.pi / 2 if vertical else 0.0
    grain = _fbm(rng, size, max(w, h) * 0.6, octaves=5, gain=0.6, angle=ang, stretch=14.0)
    fine = _affine_noise(rng, size, 2.5, ang, 30.0)
    g = ImageChops.blend(_to_l(grain), fine, 0.3)
    return _colorize(g, [(0, _shade(base, 0.78)), (0.5, base), (1, _shade(base, 1.15))])


def _front(
    img: Image.Image,
    dr: ImageDraw.ImageDraw,
    box,
    color,
    frame: float,
    style: str,
    wood: Image.Image | None = None,
) -> None:
    """Draw one cabinet door/drawer front (shaker, slab or raised panel)."""
    x0, y0, x1, y1 = (round(v) for v in box)
    if x1 - x0 < 4 or y1 - y0 < 4:
        return
    if wood is not None:
        img.paste(wood.crop((x0, y0, x1, y1)), (x0, y0))
    else:
        dr.rectangle((x0, y0, x1, y1), fill=color)
    dr.line((x0, y0, x1, y0), fill=_shade(color, 1.12), width=1)
    dr.line((x0, y0, x0, y1), fill=_shade(color, 1.05), width=1)
    dr.line((x1, y0, x1, y1), fill=_shade(color, 0.8), width=1)
    if style == "slab":
        return
    f = round(frame)
    ix0, iy0, ix1, iy1 = x0 + f, y0 + f, x1 - f, y1 - f
    if ix1 - ix0 < 6 or iy1 - iy0 < 6:
        return
    if style == "shaker":
        if wood is None:
            dr.rectangle((ix0, iy0, ix1, iy1), fill=_shade(color, 0.975))
        sh = max(2, round(frame * 0.2))
        dr.rectangle((ix0, iy0, ix1, iy0 + sh), fill=_shade(color, 0.72))
        dr.rectangle((ix0, iy0 + sh, ix1, iy0 + sh * 2), fill=_shade(color, 0.88))
        dr.rectangle((ix0, iy0, ix0 + sh, iy1), fill=_shade(color, 0.84))
        dr.rectangle((ix0, iy1 - 1, ix1, iy1), fill=_shade(color, 1.12))
        dr.rectangle((ix1 - 1, iy0, ix1, iy1), fill=_shade(color, 1.05))
    else:  # raised panel (dated)
        b = max(3, round(frame * 0.45))
        dr.polygon(
            [(ix0, iy0), (ix1, iy0), (ix1 - b, iy0 + b), (ix0 + b, iy0 + b)],
            fill=_shade(color, 1.12),
        )
        dr.polygon(
            [(ix0, iy1), (ix1, iy1), (ix1 - b, iy1 - b), (ix0 + b, iy1 - b)],
            fill=_shade(color, 0.72),
        )
        dr.polygon(
            [(ix0, iy0), (ix0 + b, iy0 + b), (ix0 + b, iy1 - b), (ix0, iy1)],
            fill=_shade(color, 1.04),
        )
        dr.polygon(
            [(ix1, iy0), (ix1 - b, iy0 + b), (ix1 - b, iy1 - b), (ix1, iy1)],
            fill=_shade(color, 0.82),
        )
        dr.rectangle((ix0 - 1, iy0 - 1, ix1 + 1, iy0), fill=_shade(color, 0.7))


def _cabinets(img: Image.Image, lay: dict, rng: random.Random, before: bool) -> Image.Image:
    v: _View = lay["view"]
    w, h = img.size
    top = v.yf + lay["edge"]
    if before:
        color = rng.choice(((170, 116, 64), (150, 98, 56), (184, 134, 82)))
        style, wood_needed = "raised", True
    else:
        name, color = lay["cab"]
        wood_needed = name in ("walnut", "oak")
        style = "shaker"
    wood_v = wood_h = None
    y_top = math.floor(top)
    if wood_needed:
        wood_v = _solid((w, h), color)
        wood_v.paste(_wood(rng, (w, h - y_top), color, vertical=True), (0, y_top))
        wood_h = _solid((w, h), color)
        wood_h.paste(_wood(rng, (w, h - y_top), color, vertical=False), (0, y_top))
    gap_col = _shade(color, 0.3)
    img.paste(gap_col, (0, math.floor(top), w, h))
    dr = ImageDraw.Draw(img)
    gap = max(3, round(v.u * 0.0025))
    frame = v.u * 0.02
    drawer_h = lay["drawer_h"]
    handles = []
    for x0, x1, is_sink in lay["boxes"]:
        a, b = x0 + gap / 2, x1 - gap / 2
        dy0 = top + gap
        dy1 = top + drawer_h
        _front(
            img,
            dr,
            (a, dy0, b, dy1),
            color,
            frame * 0.6,
            "slab" if (not before and is_sink) else style,
            wood_h,
        )
        if not is_sink or before:
            handles.append(("h", (a + b) / 2, (dy0 + dy1) / 2, min((b - a) * 0.35, v.u * 0.07)))
        doors = 2 if (b - a) > v.u * 0.24 or is_sink else 1
        dw = (b - a) / doors
        for i in range(doors):
            da, db = (
                a + i * dw + (gap / 2 if i else 0),
                a + (i + 1) * dw - (gap / 2 if i < doors - 1 else 0),
            )
            _front(img, dr, (da, dy1 + gap, db, h + frame * 3), color, frame, style, wood_v)
            if doors == 2:
                hx = db - frame * 0.5 if i == 0 else da + frame * 0.5
            else:
                hx = db - frame * 0.5 if (x0 + x1) / 2 < w / 2 else da + frame * 0.5
            handles.append(("v", hx, dy1 + gap + v.hu * 0.05, v.hu * 0.07))
    sub = img.crop((0, y_top, w, h))
    sub = _draw_handles(sub, [(k, x, y - y_top, n) for k, x, y, n in handles], lay, before)
    # overhang shadow + gentle falloff towards the floor
    ch = h - y_top
    shade = _vgrad((w, ch), 120, 255, 0.35)
    fall = _vgrad((w, ch), 255, 215)
    sub = _multiply(_multiply(sub, shade), fall)
    img.paste(sub, (0, y_top))
    return img


def _draw_handles(img: Image.Image, handles, lay: dict, before: bool) -> Image.Image:
    w, h = img.size
    base, hi, lo = ((196, 160, 80), (250, 226, 150), (110, 84, 30)) if before else lay["hw"]
    ss = 3
    layer, dr = _aa_layer((w, h), ss)
    shadow = Image.new("L", (w, h), 0)
    sd = ImageDraw.Draw(shadow)
    t = max(3.0, lay["view"].u * 0.0045)
    for kind, x, y, length in handles:
        if before:
            r = t * 1.6
            sd.ellipse((x - r + 3, y - r + 4, x + r + 3, y + r + 4), fill=150)
            dr.ellipse(((x - r) * ss, (y - r) * ss, (x + r) * ss, (y + r) * ss), fill=lo + (255,))
            r2 = r * 0.8
            dr.ellipse(
                ((x - r2) * ss, (y - r2 - 1) * ss, (x + r2) * ss, (y + r2 - 1) * ss),
                fill=base + (255,),
            )
            r3 = r * 0.3
            dr.ellipse(
                (
                    (x - r3 - r * 0.3) * ss,
                    (y - r3 - r * 0.35) * ss,
                    (x + r3 - r * 0.3) * ss,
                    (y + r3 - r * 0.35) * ss,
                ),
                fill=hi + (255,),
            )
            continue
        if kind == "h":
            x0, x1, y0, y1 = x - length / 2, x + length / 2, y - t / 2, y + t / 2
        else:
            x0, x1, y0, y1 = x - t / 2, x + t / 2, y, y + length
        sd.rounded_rectangle((x0 + 2, y0 + 4, x1 + 4, y1 + 6), radius=t / 2, fill=170)
        dr.rounded_rectangle(
            (x0 * ss, y0 * ss, x1 * ss, y1 * ss), radius=t * ss / 2, fill=base + (255,)
        )
        if kind == "h":
            dr.rectangle(
                (x0 * ss + t, (y0 + t * 0.15) * ss, x1 * ss - t, (y0 + t * 0.4) * ss),
                fill=hi + (255,),
            )
            dr.rectangle(
                (x0 * ss + t, (y1 - t * 0.25) * ss, x1 * ss - t, y1 * ss), fill=lo + (255,)
            )
        else:
            dr.rectangle(
                ((x0 + t * 0.15) * ss, y0 * ss + t, (x0 + t * 0.4) * ss, y1 * ss - t),
                fill=hi + (255,),
            )
            dr.rectangle(
                ((x1 - t * 0.25) * ss, y0 * ss + t, x1 * ss, y1 * ss - t), fill=lo + (255,)
            )
    shadow = shadow.filter(ImageFilter.GaussianBlur(max(2.0, lay["view"].u * 0.002)))
    img = _multiply(img, ImageOps.invert(shadow.point(lambda v: v * 0.5)))
    return _aa_paste(img, layer, ss)


def _subway(lay: dict, rng: random.Random, size, before: bool) -> Image.Image:
    w, h = size
    if before:
        color = rng.choice(((226, 214, 190), (220, 206, 184), (232, 224, 204)))
        tw = th = lay["view"].u * 0.055
        grout = _shade(color, 0.86)
        offset = False
    else:
        color = lay["tile"]
        tw = lay["tile_w"] * lay["view"].k
        th = tw / 2.0
        grout = _shade(color, 0.82) if sum(color) > 500 else _mix(color, (220, 220, 215), 0.6)
        offset = True
    img = _solid(size, grout)
    dr = ImageDraw.Draw(img)
    g = max(1.5, lay["view"].u * 0.0014)
    row = 0
    y1 = float(h)
    while y1 > 0:
        y0 = y1 - th
        shift = (tw / 2 if row % 2 else 0.0) if offset else 0.0
        x = -shift - tw * 0.3
        while x < w:
            c = _jitter(rng, color, 3)
            box = (x + g / 2, y0 + g / 2, x + tw - g / 2, y1 - g / 2)
            dr.rectangle(box, fill=c)
            bev = max(1.5, th * 0.08)
            dr.rectangle((box[0], box[1], box[2], box[1] + bev), fill=_shade(c, 1.05))
            dr.rectangle((box[0], box[3] - bev, box[2], box[3]), fill=_shade(c, 0.9))
            dr.rectangle((box[2] - bev, box[1], box[2], box[3]), fill=_shade(c, 0.94))
            x += tw
        y1 = y0
        row += 1
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    # glossy glaze: soft reflections of the window on the tiles
    gloss = _radial(size, (w * (0.2 if lay["light_left"] else 0.8), h * 0.4), (w * 0.45, h * 0.8))
    return _screen_add(img, gloss.point(lambda v: v * 0.18))


def _paint_wall(lay: dict, rng: random.Random, size, before: bool) -> Image.Image:
    w, h = size
    color = (222, 210, 186) if before else lay["paint"]
    tex = _to_l(_fbm(rng, size, w * 0.05, octaves=3, res=0.25))
    img = _colorize(tex, [(0, _shade(color, 0.985)), (1, _shade(color, 1.01))])
    return img


def _light_map(size, lay: dict, strength: float) -> Image.Image:
    w, h = size
    left = 255 if lay["light_left"] else round(255 * (1 - strength))
    right = round(255 * (1 - strength)) if lay["light_left"] else 255
    side = _hgrad(size, left, right)
    vig = _radial(size, (w / 2, h * 0.45), (w * 0.9, h * 0.95), 0.7)
    vig = vig.point(lambda v: 200 + v * 55 // 255)
    return ImageChops.multiply(side, vig)


def _room(material: str, seed: int, size, before: bool) -> Image.Image:
    w, h = size
    lay = _layout(seed, size)
    v: _View = lay["view"]
    yb, yf = v.yb, v.yf
    rng = _rng(seed, material, "before" if before else "after")
    tw, th = v.tex_size()
    scale = _SCENE_SCALE[material] * w / 1600.0
    if before:
        top_tex = _laminate(rng, (tw, th), scale)
    else:
        top_tex = _stone(material, rng, (tw, th), scale, _variant(seed, material))
    # ---- wall -------------------------------------------------------------------------
    wall_size = (w, math.ceil(yb) + 1)
    style = lay["wall"]
    if before:
        style = "subway" if lay["wall"] != "paint" else "paint"
    if style == "stone":
        wall_rng = _rng(seed, material, "wall")
        wall = _stone(material, wall_rng, wall_size, scale * v.k, _variant(seed, material))
    elif style == "paint":
        wall = _paint_wall(lay, rng, wall_size, before)
    else:
        wall = _subway(lay, rng, wall_size, before)
    img = _solid(size, (0, 0, 0))
    img.paste(wall, (0, 0))
    wdr = ImageDraw.Draw(img)
    lip = 0.0
    if before:
        # 4" laminate backsplash with a coved seam
        lip = v.hu * 0.055
        strip = top_tex.crop((0, 0, w, math.ceil(lip))).resize((w, math.ceil(lip)))
        strip = _multiply(strip, _vgrad(strip.size, 235, 200))
        img.paste(strip, (0, math.floor(yb - lip)))
        wdr.rectangle((0, yb - lip - 3, w, yb - lip), fill=(236, 226, 210))
    elif style == "paint":
        lip = v.hu * 0.07
        lip_rng = _rng(seed, material, "lip")
        strip = _stone(
            material, lip_rng, (w, math.ceil(lip)), scale * v.k, _variant(seed, material)
        )
        img.paste(strip, (0, math.floor(yb - lip)))
        wdr.rectangle((0, yb - lip - 2, w, yb - lip), fill=(250, 250, 248))
    if lip:
        sh = _vgrad((w, math.ceil(v.hu * 0.02)), 150, 255, 0.6)
        y0 = math.floor(yb - lip - 3 - v.hu * 0.02)
        sub = img.crop((0, y0, w, y0 + sh.size[1]))
        img.paste(_multiply(sub, ImageOps.flip(sh)), (0, y0))
    if lay["upper"]:
        img = _upper_cabinets(img, lay, rng, before)
    # contact shadow where the wall meets the counter
    ao_h = math.ceil(v.hu * 0.03)
    y0 = math.floor(yb) - ao_h
    sub = img.crop((0, y0, w, y0 + ao_h))
    img.paste(_multiply(sub, _vgrad((w, ao_h), 255, 190, 2.5)), (0, y0))
    # ---- counter top ------------------------------------------------------------------
    top = v.map_top(top_tex)
    band_y = math.floor(yb)
    bh = top.size[1]
    if before:
        top = _multiply(top, _vgrad((w, bh), 225, 250))
        top = _wear(top, rng, v, band_y)
    else:
        gloss = {"soapstone": 0.15, "quartz": 0.8}.get(material, 1.0)
        refl_h = min(bh, band_y)
        refl = img.crop((0, band_y - refl_h, w, band_y)).transpose(Image.Transpose.FLIP_TOP_BOTTOM)
        refl = refl.filter(ImageFilter.GaussianBlur(1.8 if gloss > 0.5 else 8))
        mask = _vgrad((w, refl_h), 255 * 0.32 * gloss, 0, 0.6)
        rl = _solid((w, bh), (0, 0, 0))
        rl.paste(ImageChops.multiply(refl, _gray3(mask)), (0, 0))
        top = ImageChops.screen(top, rl)
        top = _multiply(top, _vgrad((w, bh), 218, 250))
        # window highlight
        hx = w * (0.22 if lay["light_left"] else 0.78)
        spec = _radial((w, bh), (hx, bh * 0.45), (w * 0.28, bh * 0.6), 1.3)
        top = _screen_add(top, spec.point(lambda p: p * 0.22 * gloss))
    mask = Image.new("L", top.size, 0)
    ImageDraw.Draw(mask).rectangle((0, yb - band_y, w, yf - band_y), fill=255)
    img.paste(top, (0, band_y), mask)
    if lay["sink"]:
        img = _sink(img, lay, rng, top_tex, before)
    if lay["board"] and not before:
        img = _board(img, lay, rng)
    if lay["bowl"] and not before:
        img = _bowl(img, lay, rng)
    # ---- front edge ---------------------------------------------------------------------
    img = _edge(img, lay, top_tex, before, rng)
    # ---- cabinets -----------------------------------------------------------------------
    img = _cabinets(img, lay, rng, before)
    if lay["sink"]:
        img = _faucet(img, lay, before)
    # ---- global light -------------------------------------------------------------------
    img = _multiply(img, _light_map(size, lay, 0.3))
    if before:
        warm = _solid(size, (255, 244, 222))
        img = ImageChops.multiply(img, warm)
        img = Image.blend(img, _solid(size, (150, 140, 120)), 0.08)
    return img


def _upper_cabinets(img: Image.Image, lay: dict, rng: random.Random, before: bool):
    w, h = img.size
    v: _View = lay["view"]
    y1 = lay["upper_y"]
    color = (170, 116, 64) if before else lay["cab"][1]
    dr = ImageDraw.Draw(img)
    dr.rectangle((0, 0, w, y1), fill=_shade(color, 0.35))
    gap = max(2, round(v.u * 0.002 * v.k))
    x = -w * 0.05
    while x < w:
        dw = v.u * 0.2 * v.k
        _front(
            img,
            dr,
            (x + gap, -20, x + dw - gap, y1 - gap * 2),
            _shade(color, 0.9),
            v.u * 0.02 * v.k,
            "raised" if before else "shaker",
        )
        x += dw
    dr.rectangle((0, y1 - gap * 2, w, y1), fill=_shade(color, 0.6))
    # under-cabinet light pools (warm) on the wall below
    glow = Image.new("L", img.size, 0)
    n = 5
    for i in range(n):
        cx = (i + 0.5) * w / n
        g = _radial(img.size, (cx, y1), (v.u * 0.16, v.hu * 0.28), 1.4)
        glow = ImageChops.lighter(glow, g)
    strength = 0.25 if before else 0.4
    glow = glow.point(lambda p: p * strength)
    mask = Image.new("L", img.size, 0)
    ImageDraw.Draw(mask).rectangle((0, math.ceil(y1), w, h), fill=255)
    glow = ImageChops.multiply(glow, mask)
    return _screen_add(img, glow, (255, 236, 200))


def _edge(img: Image.Image, lay: dict, tex: Image.Image, before: bool, rng) -> Image.Image:
    v: _View = lay["view"]
    w, h = img.size
    eh = max(4, round(lay["edge"]))
    y0 = round(v.yf)
    tx0 = round(-v.xmin)
    strip = tex.crop((tx0, tex.size[1] - eh * 2, tx0 + w, tex.size[1]))
    strip = strip.transpose(Image.Transpose.FLIP_TOP_BOTTOM).resize((w, eh), _BICUBIC)
    if before:
        mul = _vgrad((w, eh), 225, 190)
        strip = _multiply(strip, mul)
        dr = ImageDraw.Draw(strip)
        dr.line((0, 0, w, 0), fill=(120, 96, 80), width=1)
        dr.line((0, eh - 1, w, eh - 1), fill=(90, 70, 56), width=1)
    else:
        col = Image.new("L", (1, eh))
        vals_mul, vals_add = [], []
        for i in range(eh):
            t = (i + 0.5) / eh
            vals_mul.append(round(255 * (1.0 - 0.5 * max(0.0, t - 0.45) ** 1.4 * 1.8)))
            vals_add.append(round(80 * math.exp(-(((t - 0.18) / 0.14) ** 2))))
        col.putdata(vals_mul)
        strip = _multiply(strip, col.resize((w, eh), _BILINEAR))
        col.putdata(vals_add)
        strip = _screen_add(strip, col.resize((w, eh), _BILINEAR))
    img.paste(strip, (0, y0))
    if before:
        img = _chips(img, lay, rng, y0, eh)
    # thin highlight where the top rolls over into the edge
    dr = ImageDraw.Draw(img)
    if not before:
        hl = ImageChops.screen(img.crop((0, y0 - 2, w, y0 + 1)), _solid((w, 3), (60, 60, 60)))
        img.paste(hl, (0, y0 - 2))
    else:
        dr.line((0, y0, w, y0), fill=(150, 132, 118), width=1)
    return img


def _chips(img: Image.Image, lay: dict, rng: random.Random, y0: int, eh: int) -> Image.Image:
    """Chipped laminate edge exposing particle board."""
    w, h = img.size
    mask = Image.new("L", img.size, 0)
    dr = ImageDraw.Draw(mask)
    for _ in range(rng.randint(3, 6)):
        cx = rng.uniform(0.05, 0.95) * w
        rx = rng.uniform(0.006, 0.02) * w
        ry = eh * rng.uniform(0.4, 0.85)
        pts = []
        for j in range(13):
            a = math.pi * j / 12
            k = rng.uniform(0.6, 1.0)
            pts.append((cx - math.cos(a) * rx * k, y0 - 1 + math.sin(a) * ry * k))
        dr.polygon(pts, fill=255)
    mask = mask.filter(ImageFilter.GaussianBlur(0.6))
    board = _colorize(
        _fine_grain(rng, img.size, 0.9),
        [(0, (128, 100, 70)), (0.6, (182, 150, 108)), (1, (206, 180, 140))],
    )
    rim = mask.filter(ImageFilter.MaxFilter(3))
    img = Image.composite(_solid(img.size, (92, 76, 62)), img, rim.point(lambda p: p * 0.6))
    return Image.composite(board, img, mask)


def _wear(top: Image.Image, rng: random.Random, v: _View, band_y: int) -> Image.Image:
    """Dull wear patches, scratches and an old stain ring on the laminate."""
    w, bh = top.size
    patch = _radial((w, bh), (w * rng.uniform(0.3, 0.7), bh * 0.7), (w * 0.25, bh * 0.5), 1.2)
    top = _screen_add(top, patch.point(lambda p: p * 0.12), (240, 232, 220))
    layer = Image.new("L", (w, bh), 0)
    dr = ImageDraw.Draw(layer)
    for _ in range(rng.randint(25, 45)):
        x = rng.uniform(0, w)
        y = rng.uniform(bh * 0.2, bh)
        ln = rng.uniform(10, 60)
        a = rng.uniform(-0.5, 0.5)
        dr.line((x, y, x + math.cos(a) * ln, y + math.sin(a) * ln * 0.4), fill=120, width=1)
    top = _screen_add(top, layer.filter(ImageFilter.GaussianBlur(0.4)), (220, 210, 200))
    ring = Image.new("L", (w, bh), 0)
    rx, ry = w * 0.028, bh * 0.06
    cx, cy = w * rng.uniform(0.15, 0.85), bh * rng.uniform(0.45, 0.8)
    ImageDraw.Draw(ring).ellipse((cx - rx, cy - ry, cx + rx, cy + ry), outline=255, width=3)
    ring = ring.filter(ImageFilter.GaussianBlur(1.2))
    return _over(top, (150, 110, 70), ring, 0.35)


def _sink(img: Image.Image, lay: dict, rng, tex: Image.Image, before: bool) -> Image.Image:
    v: _View = lay["view"]
    sx, sw = lay["sink_x"], lay["sink_w"]
    z0, z1 = v.depth * 0.16, v.depth * 0.72
    depth = v.depth * 0.34
    r = sw * 0.07
    pts = []
    corners = (
        (sx + sw / 2 - r, z0 + r, 0),
        (sx + sw / 2 - r, z1 - r, 1),
        (sx - sw / 2 + r, z1 - r, 2),
        (sx - sw / 2 + r, z0 + r, 3),
    )
    for cx, cz, q in corners:
        for j in range(7):
            a = -math.pi / 2 + q * math.pi / 2 + j * (math.pi / 2) / 6
            pts.append(v.proj(cx + r * math.cos(a), cz + r * math.sin(a)))
    m = 14
    bx0 = math.floor(min(p[0] for p in pts)) - m
    by0 = math.floor(min(p[1] for p in pts)) - m
    bx1 = math.ceil(max(p[0] for p in pts)) + m
    by1 = math.ceil(max(p[1] for p in pts)) + m
    bw, bh = bx1 - bx0, by1 - by0
    local = [(x - bx0, y - by0) for x, y in pts]
    hole = Image.new("L", (bw, bh), 0)
    ImageDraw.Draw(hole).polygon(local, fill=255)
    hole = hole.filter(ImageFilter.GaussianBlur(0.7))
    # interior as a little 3D box: floor, back wall and the two side walls
    xl, xr = sx - sw / 2 + r * 0.3, sx + sw / 2 - r * 0.3
    steel = (190, 193, 197)
    shade = Image.new("L", (bw, bh), 0)
    sdr = ImageDraw.Draw(shade)

    def quad(*p3):
        return [(px - bx0, py - by0) for px, py in (v.proj(*p) for p in p3)]

    sdr.polygon(
        quad((xl, z0, -depth), (xr, z0, -depth), (xr, z1, -depth), (xl, z1, -depth)), fill=150
    )
    back_top = v.proj(sx, z1)[1] - by0
    back_bot = v.proj(sx, z1, -depth)[1] - by0
    back = quad((xl, z1, 0), (xr, z1, 0), (xr, z1, -depth), (xl, z1, -depth))
    sdr.polygon(back, fill=220)
    lit_left = lay["light_left"]
    if v.vx > xl:
        sdr.polygon(
            quad((xl, z0, 0), (xl, z1, 0), (xl, z1, -depth), (xl, z0, -depth)),
            fill=150 if lit_left else 200,
        )
    if v.vx < xr:
        sdr.polygon(
            quad((xr, z0, 0), (xr, z1, 0), (xr, z1, -depth), (xr, z0, -depth)),
            fill=200 if lit_left else 150,
        )
    shade = shade.filter(ImageFilter.GaussianBlur(max(2.0, sw * 0.012)))
    # back wall darkens towards the bottom, plus the polished cut face of the stone
    cut = max(3.0, lay["edge"] * v.s(z1) * 0.8)
    vals = []
    for i in range(bh):
        if i < back_top + cut:
            vals.append(95)
        else:
            t = min(1.0, max(0.0, (i - back_top) / max(1.0, back_bot - back_top)))
            vals.append(round(255 - 45 * t))
    col = Image.new("L", (1, bh))
    col.putdata(vals)
    shade = ImageChops.multiply(shade, col.resize((bw, bh), _BILINEAR))
    inner = _solid((bw, bh), steel)
    inner = _texture_light(inner, _affine_noise(rng, (bw, bh), 1.5, 0.0, 25.0), 0.22)
    inner = _multiply(inner, shade)
    dx, dy = v.proj(sx + sw * 0.18, (z0 + z1) / 2, -depth)
    dx, dy = dx - bx0, dy - by0
    drr = sw * 0.045 * v.s((z0 + z1) / 2)
    ddr = ImageDraw.Draw(inner)
    ddr.ellipse((dx - drr, dy - drr * 0.35, dx + drr, dy + drr * 0.35), fill=(70, 72, 76))
    ddr.ellipse(
        (dx - drr * 0.6, dy - drr * 0.2, dx + drr * 0.6, dy + drr * 0.2), fill=(120, 122, 126)
    )
    sub = img.crop((bx0, by0, bx1, by1))
    if before:
        # top-mount sink: bright stainless rim around the hole
        rim = hole.filter(ImageFilter.MaxFilter(11))
        rim_img = _colorize(
            _vgrad((bw, bh), 255, 130), [(0, (128, 130, 134)), (1, (232, 234, 238))]
        )
        outline = rim.filter(ImageFilter.MaxFilter(3))
        sub = Image.composite(_solid((bw, bh), (90, 86, 80)), sub, outline)
        sub = Image.composite(rim_img, sub, rim)
    else:
        outline = hole.filter(ImageFilter.MaxFilter(3))
        sub = Image.composite(_solid((bw, bh), (70, 70, 72)), sub, outline.point(lambda p: p // 2))
    sub = Image.composite(inner, sub, hole)
    img.paste(sub, (bx0, by0))
    return img


def _faucet(img: Image.Image, lay: dict, before: bool) -> Image.Image:
    v: _View = lay["view"]
    w, h = img.size
    sx = lay["sink_x"]
    zb = v.depth * 0.86
    s = v.s(zb)
    if before:
        tall = v.hu * 0.1
        reach = v.depth * 0.3
        path3 = [(sx, zb, 0), (sx, zb, tall), (sx, zb - reach, tall), (sx, zb - reach, tall * 0.8)]
    else:
        tall = v.hu * 0.27
        reach = v.depth * 0.42
        phi = 0.55
        dx, dz = math.sin(phi), -math.cos(phi)
        r = reach / 2
        path3 = [(sx, zb, 0), (sx, zb, tall - r)]
        cx, cz, cy = sx + dx * r, zb + dz * r, tall - r
        for j in range(1, 19):
            t = j * math.pi / 18
            path3.append(
                (cx - math.cos(t) * dx * r, cz - math.cos(t) * dz * r, cy + math.sin(t) * r)
            )
        end = path3[-1]
        path3.append((end[0], end[1], end[2] - tall * 0.08))
    pts = [v.proj(x, z, y) for x, z, y in path3]
    base = v.proj(sx, zb)
    thick = v.u * (0.02 if before else 0.016) * s
    black = lay["hw"][0][0] < 60 and not before
    metal = (40, 40, 42) if black else (196, 198, 202)
    dark = (10, 10, 10) if black else _shade(metal, 0.45)
    light = (120, 120, 124) if black else (250, 250, 252)
    # contact shadow on the counter
    sh = Image.new("L", img.size, 0)
    ImageDraw.Draw(sh).ellipse(
        (
            base[0] - thick * 2.5,
            base[1] - thick * 0.6,
            base[0] + thick * 2.5,
            base[1] + thick * 0.7,
        ),
        fill=170,
    )
    sh = sh.filter(ImageFilter.GaussianBlur(thick * 0.6))
    img = _multiply(img, ImageOps.invert(sh))
    pad = thick * 8
    ox = math.floor(min(p[0] for p in pts) - pad)
    oy = math.floor(min(p[1] for p in pts) - pad)
    ex = math.ceil(max(p[0] for p in pts) + pad)
    ey = math.ceil(max(p[1] for p in pts) + pad)
    ss = 3
    layer, dr = _aa_layer((ex - ox, ey - oy), ss)

    def q(x, y):
        return (x - ox) * ss, (y - oy) * ss

    big = [q(x, y) for x, y in pts]
    bx, by = q(*base)
    if before:
        pw, ph = thick * 4.2 * ss, thick * 0.9 * ss
        dr.rounded_rectangle(
            (bx - pw, by - ph * 1.2, bx + pw, by + ph * 0.5), radius=ph, fill=dark + (255,)
        )
        dr.rounded_rectangle(
            (bx - pw + ss, by - ph * 1.2 - ss, bx + pw - ss, by + ph * 0.2),
            radius=ph,
            fill=metal + (255,),
        )
    else:
        dr.ellipse(
            (
                bx - thick * 1.3 * ss,
                by - thick * 0.45 * ss,
                bx + thick * 1.3 * ss,
                by + thick * 0.35 * ss,
            ),
            fill=dark + (255,),
        )
    dr.line(big, fill=dark + (255,), width=round(thick * ss), joint="curve")
    dr.line(big, fill=metal + (255,), width=round(thick * ss * 0.72), joint="curve")
    hl = [(x - thick * ss * 0.18, y) for x, y in big]
    dr.line(hl, fill=light + (255,), width=max(1, round(thick * ss * 0.2)), joint="curve")
    if before:
        ex_, ey_ = big[-1]
        rr = thick * ss * 0.55
        dr.ellipse((ex_ - rr, ey_ - rr * 0.5, ex_ + rr, ey_ + rr * 0.5), fill=dark + (255,))
        for side in (-1, 1):
            hx, hy = q(*v.proj(sx + side * thick * 3.2 / s, zb, thick * 0.8 / s))
            kw, kh = thick * 1.1 * ss, thick * 1.4 * ss
            dr.rounded_rectangle(
                (hx - kw, hy - kh, hx + kw, hy + kh * 0.3),
                radius=kw * 0.4,
                fill=(214, 216, 220, 255),
                outline=dark + (255,),
                width=ss,
            )
            dr.rectangle((hx - kw * 0.5, hy - kh * 0.9, hx - kw * 0.2, hy), fill=light + (255,))
    else:
        lx, ly = q(*v.proj(sx, zb, tall * 0.42))
        dr.line(
            (lx, ly, lx + thick * 2.8 * ss, ly - thick * 1.6 * ss),
            fill=metal + (255,),
            width=round(thick * ss * 0.45),
        )
    return _aa_paste(img, layer, ss, (ox, oy))


def _bowl(img: Image.Image, lay: dict, rng: random.Random) -> Image.Image:
    """A ceramic fruit bowl (lemons or green apples) sitting on the counter."""
    v: _View = lay["view"]
    w, h = img.size
    bx, bz = lay["bowl_x"], v.depth * 0.5
    rad = v.u * 0.07
    s = v.s(bz)
    e = (v.proj(bx, bz - rad)[1] - v.proj(bx, bz + rad)[1]) / (2 * rad * s)
    hb = rad * 0.55
    cx, cy = v.proj(bx, bz)
    rim_y = v.proj(bx, bz, hb)[1]
    R = rad * s
    pad = R * 1.6
    ox, oy = math.floor(cx - pad), math.floor(rim_y - pad * 1.2)
    size = (math.ceil(pad * 2), math.ceil(cy - oy + R * e + 10))
    ss = 3
    # soft contact shadow
    sh = Image.new("L", img.size, 0)
    ImageDraw.Draw(sh).ellipse(
        (cx - R * 0.9, cy - R * e * 0.5, cx + R * 1.1, cy + R * e * 0.9), fill=150
    )
    img = _multiply(img, ImageOps.invert(sh.filter(ImageFilter.GaussianBlur(R * 0.15))))
    glaze = rng.choice(((238, 236, 230), (222, 226, 224), (60, 70, 84), (200, 160, 130)))
    fruit = rng.choice(((236, 200, 60), (160, 196, 72), (240, 150, 40)))

    def ell(x, y, rx, ry):
        x, y = (x - ox) * ss, (y - oy) * ss
        return (x - rx * ss, y - ry * ss, x + rx * ss, y + ry * ss)

    body, bd = _aa_layer(size, ss)
    levels = 24
    for i in range(levels + 1):
        t = i / levels
        r = R * (1.0 - 0.5 * t * t)
        y = rim_y + (cy - rim_y) * t
        c = _shade(glaze, 1.0 - 0.35 * t)
        bd.ellipse(ell(cx, y, r, r * e), fill=c + (255,))
    # the front wall of the bowl must hide the lower halves of the fruit
    front = body.copy()
    hole = Image.new("L", body.size, 0)
    hd = ImageDraw.Draw(hole)
    hd.ellipse(ell(cx, rim_y, R * 0.94, R * e * 0.94), fill=255)
    hd.rectangle((0, 0, body.size[0], (rim_y - oy) * ss), fill=255)
    front.putalpha(ImageChops.subtract(front.getchannel("A"), hole))
    bd.ellipse(ell(cx, rim_y, R, R * e), fill=_shade(glaze, 1.08) + (255,))
    bd.ellipse(ell(cx, rim_y, R * 0.94, R * e * 0.94), fill=_shade(glaze, 0.8) + (255,))
    fr = R * 0.3
    spots = [(-0.45, -0.2), (0.0, -0.35), (0.45, -0.2), (-0.22, 0.15), (0.25, 0.2), (0.0, -0.05)]
    for fx, fy in spots[: rng.randint(4, 6)]:
        x = cx + fx * R
        y = rim_y - fr * 0.7 + fy * R * e
        c = _jitter(rng, fruit, 10)
        steps = 24
        for j in range(steps):
            t = j / (steps - 1)
            k = 1.0 - 0.8 * t
            bd.ellipse(
                ell(x - fr * 0.3 * t, y - fr * 0.32 * t, fr * 1.06 * k, fr * k),
                fill=_shade(c, 0.6 + 0.65 * t**1.5) + (255,),
            )
    body.alpha_composite(front)
    # glossy highlight on the glaze
    spec, sd = _aa_layer(size, ss)
    sd.ellipse(
        ell(cx - R * 0.55, rim_y + (cy - rim_y) * 0.35, R * 0.1, R * e * 0.28),
        fill=(255, 255, 255, 90),
    )
    body.alpha_composite(spec.filter(ImageFilter.GaussianBlur(ss * 1.5)))
    return _aa_paste(img, body, ss, (ox, oy))


def _board(img: Image.Image, lay: dict, rng: random.Random) -> Image.Image:
    """A wooden chopping board leaning against the backsplash."""
    v: _View = lay["view"]
    w, h = img.size
    x = lay["board_x"]
    bw, bhh = v.u * 0.13 * v.k, v.hu * 0.26
    yb = v.yb + (v.yf - v.yb) * 0.06
    x0, y0 = x - bw / 2, yb - bhh
    wood = _wood(rng, (math.ceil(bw), math.ceil(bhh)), (176, 128, 80), vertical=True)
    m = Image.new("L", wood.size, 0)
    md = ImageDraw.Draw(m)
    md.rounded_rectangle((0, 0, wood.size[0] - 1, wood.size[1] - 1), radius=bw * 0.12, fill=255)
    hr = bw * 0.09
    md.ellipse((bw / 2 - hr, bhh * 0.1, bw / 2 + hr, bhh * 0.1 + hr * 2), fill=0)
    wood = _multiply(wood, _hgrad(wood.size, 255, 205))
    edge_w = max(2, round(bw * 0.05))
    edge = wood.crop((0, 0, edge_w, wood.size[1])).point(lambda p: min(255, p * 1.25))
    wood.paste(edge, (wood.size[0] - edge_w, 0))
    sh = Image.new("L", img.size, 0)
    ImageDraw.Draw(sh).rounded_rectangle(
        (x0 + bw * 0.08, y0 + bhh * 0.04, x0 + bw * 1.08, yb), radius=bw * 0.12, fill=130
    )
    sh = sh.filter(ImageFilter.GaussianBlur(v.u * 0.008))
    img = _multiply(img, ImageOps.invert(sh))
    img.paste(wood, (round(x0), round(y0)), m.filter(ImageFilter.GaussianBlur(0.6)))
    return img
