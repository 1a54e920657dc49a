"""What a reader can see: one rule for a web page's elements and a PDF's lines alike.

Text is read only where a reader would see it. It is unseen when it is set at no size,
drawn in no colour (transparent, or a PDF's invisible text mode) or in the colour of what
lies behind it (white on a white page), or placed wholly outside the page (a box pushed a
screen's width off the left, a line drawn past the page's edge). Both readers give this
module what they know of the text, and follow its answer; so a false grade hidden one way
in HTML is hidden the same way in a PDF.

Where nothing is known of the background, it is the page's own: white. A scanned page's
invisible text over its picture (the OCR layer) is what a reader sees as the picture, and
is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WHITE = (255, 255, 255)
NEAR = 24  # colours this close on every channel cannot be told apart by eye on a screen
SMALLEST = 1.0  # points (PDF) or CSS pixels: text smaller than this is not read by anyone
FAR = 1000  # a box placed this far outside the page (CSS px, PDF points) is off it, not at its edge


@dataclass(frozen=True)
class Ink:
    """How a piece of text is drawn: its colour and opacity, what lies behind it, its size
    and whether any of it falls on the page."""

    colour: tuple[int, int, int] | None = (0, 0, 0)  # None: not painted at all
    alpha: float = 1.0
    background: tuple[int, int, int] = WHITE
    size: float | None = None  # None where not known
    on_page: bool = True


def unseen(ink: Ink) -> str:
    """Why a reader would not see text drawn so, or "" where they would."""
    return why_unseen(ink.colour, ink.alpha, ink.background, ink.size, ink.on_page)


def why_unseen(colour, alpha: float, background, size: float | None, on_page: bool = True) -> str:
    """unseen(), for a reader that checks thousands of lines (a PDF's) and builds no Ink for each."""
    if not on_page:
        return "placed off the page"
    if size is not None and size < SMALLEST:
        return "set at no size"
    if colour is None or alpha <= 0.05:
        return "drawn in no colour"
    if abs(colour[0] - background[0]) <= NEAR and abs(colour[1] - background[1]) <= NEAR \
            and abs(colour[2] - background[2]) <= NEAR:
        return "drawn in the colour of its background"
    return ""


NAMED = {"white": WHITE, "black": (0, 0, 0), "red": (255, 0, 0), "green": (0, 128, 0), "blue": (0, 0, 255),
         "yellow": (255, 255, 0), "grey": (128, 128, 128), "gray": (128, 128, 128), "silver": (192, 192, 192),
         "whitesmoke": (245, 245, 245), "snow": (255, 250, 250), "ivory": (255, 255, 240), "navy": (0, 0, 128)}
_HEX = re.compile(r"#([0-9a-f]{3,8})\b")
_RGB = re.compile(r"rgba?\(\s*([\d.]+%?)[\s,]+([\d.]+%?)[\s,]+([\d.]+%?)(?:[\s,/]+([\d.]+%?))?\s*\)")


def css_colour(value: str) -> tuple[tuple[int, int, int] | None, float] | None:
    """A CSS colour as (rgb, alpha); (None, 0) for transparent; None where not understood
    (then the text is taken as seen: nothing is hidden on a guess)."""
    value = value.strip().lower()
    if value in ("transparent",):
        return None, 0.0
    if value in NAMED:
        return NAMED[value], 1.0
    match = _HEX.fullmatch(value)
    if match:
        digits = match.group(1)
        if len(digits) in (3, 4):
            digits = "".join(d * 2 for d in digits)
        if len(digits) not in (6, 8):
            return None
        rgb = tuple(int(digits[i:i + 2], 16) for i in (0, 2, 4))
        return rgb, int(digits[6:8], 16) / 255 if len(digits) == 8 else 1.0
    match = _RGB.fullmatch(value)
    if match:
        channels = [_channel(v, 255) for v in match.groups()[:3]]
        alpha = _channel(match.group(4), 1) if match.group(4) else 1.0
        return (channels[0], channels[1], channels[2]), alpha
    return None


def _channel(text: str, scale: float):
    number = float(text.rstrip("%"))
    value = number / 100 * scale if text.endswith("%") else number
    return int(round(value)) if scale == 255 else value
