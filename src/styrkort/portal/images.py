"""Story images: checked by what they are, not by what they are called, and re-encoded.

An upload is opened by Pillow, which reads the header only; its size and pixel count are checked
before anything is decoded, so a small file that unpacks to gigapixels (a decompression bomb) is
refused without holding the worker. What is served is a new WebP file per width, written from the
pixels alone: EXIF (with GPS position), XMP and comments stay behind.
"""

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 25_000_000  # a 24-megapixel camera's photo; decoding more holds a worker too long
MIN_SIDE = 200
WIDTHS = (480, 960, 1600)
ACCEPTED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    data: bytes


def _refuse(message: str):
    raise ValidationError(message, code="image")


def _looks_like_markup(head: bytes) -> bool:
    start = head.lstrip()[:512].lower()
    return start.startswith((b"<?xml", b"<svg", b"<!doctype", b"<html")) or b"<svg" in start


def image_variants(upload) -> tuple[int, int, list[Variant]]:
    """The upload's width and height and its served variants, narrowest first; a ValidationError
    in Swedish if it is not an image we take."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if upload.size > MAX_UPLOAD_BYTES:
        _refuse(
            _("The image is %(size)s; at most %(limit)s is accepted.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_UPLOAD_BYTES)}
        )
    upload.seek(0)
    data = upload.read()
    if _looks_like_markup(data[:1024]):
        _refuse(
            _("SVG images are not accepted, since they can carry scripts: save the image as PNG or JPEG.")
        )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as probe:
                kind, (width, height) = probe.format, probe.size
                if kind not in ACCEPTED_FORMATS:
                    _refuse(
                        _("The file is a %(kind)s image; JPEG, PNG, WebP or GIF is accepted.")
                        % {"kind": kind}
                    )
                if width * height > MAX_PIXELS:
                    raise Image.DecompressionBombError
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            _refuse(
                _("The image has too many pixels; at most %(limit)s million are accepted.")
                % {"limit": MAX_PIXELS // 1_000_000}
            )
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            _refuse(_("The file is not an image, or it is damaged: JPEG, PNG, WebP or GIF is accepted."))
    width, height = image.size
    if min(width, height) < MIN_SIDE:
        _refuse(_("The image is too small: at least %(side)s pixels on each side.") % {"side": MIN_SIDE})
    image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") and _has_alpha(image) else "RGB")
    variants = []
    for target in sorted({min(w, width) for w in WIDTHS}):
        resized = (
            image
            if target == width
            else image.resize((target, round(height * target / width)), Image.LANCZOS)
        )
        out = io.BytesIO()
        resized.save(out, "WEBP", quality=82, method=4)  # no exif= or xmp=: the metadata is not carried over
        variants.append(Variant(width=resized.width, height=resized.height, data=out.getvalue()))
    return width, height, variants


def _has_alpha(image) -> bool:
    if image.mode == "P":
        return "transparency" in image.info
    return True
