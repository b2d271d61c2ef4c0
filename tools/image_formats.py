"""What each photo format costs to make and to send: AVIF, WebP and JPEG at the site's quality
settings, for the demo photos at the sizes the templates ask for most.

    .venv/bin/python -m tools.image_formats

Encoding is paid once per photo and size (when a page is published, on the worker); the bytes
are paid by every visitor. CPU time, so the figures hold on a busy machine.
"""

import io
import os
import statistics
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PHOTOS = sorted((BASE_DIR / "core" / "demo" / "photos").glob("*.jpg"))
# The phone and desktop sizes of the tile (gallery, home) and the hero (every inner page).
SIZES = [(400, 300), (800, 600), (640, 360), (1280, 720)]


def settings():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.conf import settings

    return {
        "avif": settings.WAGTAILIMAGES_AVIF_QUALITY,
        "webp": settings.WAGTAILIMAGES_WEBP_QUALITY,
        "jpeg": settings.WAGTAILIMAGES_JPEG_QUALITY,
    }


def main():
    quality = settings()
    from willow.image import Image  # reads Django's settings when imported

    made = {name: {"ms": [], "bytes": []} for name in quality}
    for path in PHOTOS:
        with path.open("rb") as file:
            source = Image.open(file)
            for width, height in SIZES:
                picture = source.crop(_centre(source.get_size(), width / height)).resize(
                    (width, height)
                )
                for name, level in quality.items():
                    out = io.BytesIO()
                    started = time.process_time()
                    getattr(picture, f"save_as_{name}")(out, quality=level)
                    made[name]["ms"].append((time.process_time() - started) * 1000)
                    made[name]["bytes"].append(out.tell())

    count = len(PHOTOS) * len(SIZES)
    jpeg = statistics.mean(made["jpeg"]["bytes"])
    print(f"{len(PHOTOS)} demo photos x {len(SIZES)} sizes {SIZES} = {count} each\n")
    print(f"{'format':<8}{'quality':>8}{'encode ms':>11}{'mean KB':>9}{'vs JPEG':>9}")
    for name, figures in made.items():
        size = statistics.mean(figures["bytes"])
        print(
            f"{name:<8}{quality[name]:>8}{statistics.mean(figures['ms']):>11.1f}"
            f"{size / 1024:>9.1f}{size / jpeg:>9.0%}"
        )


def _centre(size, ratio):
    width, height = size
    if width / height > ratio:
        crop = round(height * ratio)
        return ((width - crop) // 2, 0, (width + crop) // 2, height)
    crop = round(width / ratio)
    return (0, (height - crop) // 2, width, (height + crop) // 2)


if __name__ == "__main__":
    main()
