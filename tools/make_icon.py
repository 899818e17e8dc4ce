"""Draw the application icon (resources/icons/pazos.png and pazos.ico) with Pillow.

A rounded green square (the colour of PAZOS' peace-and-opportunity messaging) with a white
"P" and a small sun: simple enough to read at 16 px. Run again only to change the design.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
GREEN, SUN, WHITE = (0, 122, 94, 255), (255, 196, 37, 255), (255, 255, 255, 255)


def _font(size: int) -> ImageFont.ImageFont:
    for name in ("DejaVuSans-Bold.ttf", "Arial Bold.ttf", "arialbd.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def draw(size: int = 256) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 5, fill=GREEN)
    pen.ellipse((size * 0.62, size * 0.12, size * 0.86, size * 0.36), fill=SUN)
    pen.text((size * 0.44, size * 0.55), "P", font=_font(int(size * 0.7)), fill=WHITE, anchor="mm")
    return image


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    icon = draw()
    icon.save(OUT / "pazos.png")
    icon.save(
        OUT / "pazos.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (256, 256)]
    )
    print(f"wrote {OUT / 'pazos.png'} and {OUT / 'pazos.ico'}")
