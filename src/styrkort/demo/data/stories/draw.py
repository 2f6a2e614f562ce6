"""Draw the illustrations for the demo's RUS stories.

Run from any directory:  python draw.py

Every image is drawn from flat shapes with Pillow and written as a PNG next to
this script (1600 x 1000 px). Nothing is downloaded and no fonts are used. The
drawing is deterministic: the only randomness comes from random.Random with a
fixed seed per scene, so every run writes the same bytes.

Each scene is drawn at twice the final size and scaled down, which gives soft
(anti-aliased) edges. Flat colours compress well, so the PNGs stay small
(well under 400 KB) without palette reduction.
"""

import itertools
import math
import random
from pathlib import Path

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 1000
SCALE = 2  # supersampling factor
HERE = Path(__file__).resolve().parent

# A calm palette: Nordic blues and greens, falu red and ochre as accents.
C = {
    "sky_top": (170, 205, 226),
    "sky_low": (226, 238, 240),
    "sun": (250, 222, 150),
    "cloud": (246, 248, 248),
    "water": (74, 132, 170),
    "water_light": (120, 170, 200),
    "hill_far": (150, 184, 170),
    "hill_mid": (112, 158, 122),
    "grass": (132, 178, 110),
    "grass_light": (164, 200, 130),
    "forest": (52, 98, 82),
    "forest_dark": (38, 76, 66),
    "trunk": (110, 80, 60),
    "path": (232, 222, 196),
    "road": (86, 90, 102),
    "road_line": (240, 236, 220),
    "falu": (176, 72, 56),
    "ochre": (222, 172, 70),
    "white_wall": (242, 238, 228),
    "grey_wall": (150, 164, 178),
    "blue_wall": (104, 134, 160),
    "roof": (66, 68, 84),
    "roof_red": (128, 58, 46),
    "window": (58, 74, 96),
    "window_lit": (252, 214, 120),
    "brick": (168, 84, 62),
    "brick_dark": (136, 64, 48),
    "navy": (40, 62, 88),
    "orange": (222, 118, 62),
    "plum": (112, 90, 124),
    "teal": (52, 134, 130),
    "red": (196, 80, 76),
    "yellow": (232, 190, 72),
    "denim": (72, 100, 140),
    "charcoal": (54, 56, 64),
    "light_grey": (214, 216, 214),
    "mid_grey": (150, 152, 156),
    "bus": (184, 50, 60),
    "train": (238, 236, 228),
    "fibre": (104, 232, 238),
    "fibre_glow": (172, 246, 246),
    "soil_top": (124, 92, 68),
    "soil_mid": (104, 76, 58),
    "soil_low": (86, 62, 50),
}

SKIN = [(241, 201, 165), (217, 162, 122), (168, 107, 69), (110, 70, 48)]
HAIR = [(60, 44, 36), (30, 28, 30), (150, 96, 52), (214, 180, 120), (200, 200, 200)]
CLOTHES = [C["navy"], C["orange"], C["plum"], C["teal"], C["red"], C["yellow"], C["denim"]]


def scene_rng(seed):
    """A seeded generator for placing trees, stars and boxes; the same seed gives the same picture."""
    return random.Random(seed)  # noqa: S311 - layout, not security


def mix(a, b, t):
    """Blend two RGB colours; t=0 gives a, t=1 gives b."""
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


class Canvas:
    """A drawing surface in logical 1600 x 1000 coordinates."""

    def __init__(self, background=(255, 255, 255)):
        self.image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), background)
        self.draw = ImageDraw.Draw(self.image)

    @staticmethod
    def _xy(points):
        return [(x * SCALE, y * SCALE) for x, y in points]

    def polygon(self, points, fill):
        self.draw.polygon(self._xy(points), fill=fill)

    def rect(self, x0, y0, x1, y1, fill, radius=0):
        box = [x0 * SCALE, y0 * SCALE, x1 * SCALE, y1 * SCALE]
        if radius:
            self.draw.rounded_rectangle(box, radius=radius * SCALE, fill=fill)
        else:
            self.draw.rectangle(box, fill=fill)

    def ellipse(self, cx, cy, rx, ry, fill=None, outline=None, width=1):
        box = [(cx - rx) * SCALE, (cy - ry) * SCALE, (cx + rx) * SCALE, (cy + ry) * SCALE]
        self.draw.ellipse(box, fill=fill, outline=outline, width=round(width * SCALE))

    def circle(self, cx, cy, r, fill):
        self.ellipse(cx, cy, r, r, fill)

    def pieslice(self, cx, cy, r, start, end, fill):
        box = [(cx - r) * SCALE, (cy - r) * SCALE, (cx + r) * SCALE, (cy + r) * SCALE]
        self.draw.pieslice(box, start, end, fill=fill)

    def line(self, points, fill, width):
        """A polyline with round caps and joints."""
        self.draw.line(self._xy(points), fill=fill, width=round(width * SCALE), joint="curve")
        for x, y in (points[0], points[-1]):
            self.circle(x, y, width / 2, fill)

    def crescent(self, cx, cy, r, offset, fill):
        """A crescent moon: a disc with a shifted disc cut away (up and to the right)."""
        size = round(2 * r * SCALE) + 2
        mask = Image.new("L", (size, size), 0)
        shape = ImageDraw.Draw(mask)
        shape.ellipse([0, 0, size - 1, size - 1], fill=255)
        dx = offset * SCALE
        shape.ellipse([dx, -dx * 0.6, size - 1 + dx, size - 1 - dx * 0.6], fill=0)
        self.image.paste(fill, (round((cx - r) * SCALE), round((cy - r) * SCALE)), mask)

    def vertical_gradient(self, y0, y1, top, bottom):
        for y in range(y0 * SCALE, y1 * SCALE):
            t = (y - y0 * SCALE) / max(1, (y1 - y0) * SCALE - 1)
            self.draw.line([(0, y), (WIDTH * SCALE, y)], fill=mix(top, bottom, t))

    def save(self, name):
        small = self.image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
        path = HERE / name
        small.save(path, optimize=True)
        print(f"wrote {path.name} ({path.stat().st_size // 1024} KB)")


# ---------------------------------------------------------------- landscape


def wave_points(x0, x1, base_y, amplitude, phase, frequency, step=10):
    """Points along a gentle ridge made from two sine waves."""
    points = []
    x = x0
    while x <= x1:
        y = base_y - amplitude * (
            0.6 * math.sin(x * frequency + phase) + 0.4 * math.sin(x * frequency * 2.3 + phase * 1.7)
        )
        points.append((x, y))
        x += step
    return points


def hills(cv, base_y, amplitude, colour, phase, frequency=0.004, bottom=HEIGHT):
    ridge = wave_points(-20, WIDTH + 20, base_y, amplitude, phase, frequency)
    cv.polygon([*ridge, (WIDTH + 20, bottom), (-20, bottom)], colour)
    return ridge


def ridge_y(ridge, x):
    """Height of a ridge (list of points with equal steps) at x."""
    for (xa, ya), (xb, yb) in itertools.pairwise(ridge):
        if xa <= x <= xb:
            return ya + (yb - ya) * (x - xa) / (xb - xa)
    return ridge[-1][1]


def ribbon(points, width):
    """The outline of a band along a centre line (for roads).

    width is a number, or a list with one width per point for a band that narrows.
    """
    widths = width if isinstance(width, list) else [width] * len(points)
    left, right = [], []
    for i, (x, y) in enumerate(points):
        xa, ya = points[max(0, i - 1)]
        xb, yb = points[min(len(points) - 1, i + 1)]
        length = math.hypot(xb - xa, yb - ya) or 1
        nx, ny = -(yb - ya) / length, (xb - xa) / length
        half = widths[i] / 2
        left.append((x + nx * half, y + ny * half))
        right.append((x - nx * half, y - ny * half))
    return left + right[::-1]


def bezier(p0, p1, p2, steps=40):
    """Points on a quadratic Bezier curve from p0 to p2, pulled towards p1."""
    points = []
    for i in range(steps + 1):
        t = i / steps
        x = (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t * t * p2[0]
        y = (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t * t * p2[1]
        points.append((x, y))
    return points


def sun(cv, x, y, r, colour=C["sun"]):
    cv.circle(x, y, r * 1.35, mix(colour, C["sky_low"], 0.6))
    cv.circle(x, y, r, colour)


def cloud(cv, x, y, size, colour=C["cloud"]):
    cv.ellipse(x, y, size * 1.6, size * 0.55, colour)
    cv.circle(x - size * 0.5, y - size * 0.25, size * 0.55, colour)
    cv.circle(x + size * 0.35, y - size * 0.35, size * 0.7, colour)


def conifer(cv, x, base_y, height, colour=C["forest"]):
    cv.rect(x - height * 0.04, base_y - height * 0.15, x + height * 0.04, base_y, C["trunk"])
    width = height * 0.42
    for i in range(3):
        top = base_y - height + i * height * 0.22
        bottom = base_y - height * 0.12 - (2 - i) * height * 0.2
        w = width * (0.55 + i * 0.22)
        cv.polygon([(x, top), (x + w / 2, bottom), (x - w / 2, bottom)], colour)


def leafy_tree(cv, x, base_y, height, colour=C["hill_mid"]):
    cv.rect(x - height * 0.05, base_y - height * 0.5, x + height * 0.05, base_y, C["trunk"])
    r = height * 0.28
    shade = mix(colour, C["forest_dark"], 0.25)
    cv.circle(x - r * 0.55, base_y - height * 0.62, r * 0.85, shade)
    cv.circle(x + r * 0.55, base_y - height * 0.62, r * 0.85, shade)
    cv.circle(x, base_y - height * 0.75, r, colour)


def forest_band(cv, rng, x0, x1, ridge, height, colour, spacing=18):
    """A row of conifers whose feet follow a ridge line."""
    x = x0
    while x < x1:
        h = height * rng.uniform(0.75, 1.2)
        conifer(cv, x, ridge_y(ridge, x) + 6, h, colour)
        x += spacing * rng.uniform(0.7, 1.3)


def house(cv, x, base_y, w, h, wall, roof=C["roof"], lit=False, door=True, chimney=False):
    """A simple gabled house; x is the left edge."""
    roof_h = h * 0.55
    if chimney:
        cv.rect(x + w * 0.68, base_y - h - roof_h * 0.8, x + w * 0.8, base_y - h - roof_h * 0.3, roof)
    cv.rect(x, base_y - h, x + w, base_y, wall)
    cv.polygon(
        [(x - w * 0.08, base_y - h), (x + w / 2, base_y - h - roof_h), (x + w * 1.08, base_y - h)], roof
    )
    trim = C["white_wall"] if wall != C["white_wall"] else C["grey_wall"]
    win = C["window_lit"] if lit else C["window"]
    ww = w * 0.18
    wy = base_y - h * 0.72
    for wx in (x + w * 0.16, x + w * 0.66):
        cv.rect(wx - 2, wy - 2, wx + ww + 2, wy + ww * 1.2 + 2, trim)
        cv.rect(wx, wy, wx + ww, wy + ww * 1.2, win)
    if door:
        cv.rect(x + w * 0.42, base_y - h * 0.45, x + w * 0.58, base_y, mix(wall, C["charcoal"], 0.45))


def town_skyline(cv, rng, x0, x1, base_y, scale=1.0, colours=None, lit=0.0, church=None):
    """A row of town blocks with a church spire; lit is the share of lit windows.

    church is (wall, roof, chapel roof); by default a white church with a dark spire.
    """
    colours = colours or [C["grey_wall"], C["white_wall"], C["blue_wall"], C["ochre"]]
    church_wall, church_roof, chapel_roof = church or (C["white_wall"], C["roof"], C["roof_red"])
    x = x0
    spire_at = x0 + (x1 - x0) * 0.55
    spire_done = False
    while x < x1:
        w = rng.uniform(40, 80) * scale
        h = rng.uniform(40, 110) * scale
        colour = rng.choice(colours)
        if not spire_done and x + w > spire_at:
            # church: nave and tower with a spire
            cv.rect(x, base_y - 70 * scale, x + 34 * scale, base_y, church_wall)
            cv.polygon(
                [
                    (x - 2, base_y - 70 * scale),
                    (x + 17 * scale, base_y - 190 * scale),
                    (x + 34 * scale + 2, base_y - 70 * scale),
                ],
                church_roof,
            )
            cv.rect(x + 34 * scale, base_y - 45 * scale, x + 80 * scale, base_y, church_wall)
            cv.polygon(
                [
                    (x + 34 * scale, base_y - 45 * scale),
                    (x + 57 * scale, base_y - 65 * scale),
                    (x + 80 * scale, base_y - 45 * scale),
                ],
                chapel_roof,
            )
            x += 84 * scale
            spire_done = True
            continue
        cv.rect(x, base_y - h, x + w, base_y, colour)
        cv.rect(x - 2, base_y - h - 5 * scale, x + w + 2, base_y - h, mix(colour, C["charcoal"], 0.35))
        rows = int((h - 14 * scale) // (18 * scale))
        cols = max(1, int((w - 8 * scale) // (16 * scale)))
        for r in range(rows):
            for c in range(cols):
                wx = x + 8 * scale + c * 16 * scale
                wy = base_y - h + 10 * scale + r * 18 * scale
                window = C["window_lit"] if rng.random() < lit else mix(colour, C["window"], 0.55)
                cv.rect(wx, wy, wx + 8 * scale, wy + 10 * scale, window)
        x += w + rng.uniform(2, 8) * scale


# ------------------------------------------------------------------- people


def person(cv, x, base_y, height, shirt, trousers, skin, hair, pose="stand", step=0.0, facing=1):
    """A standing or walking figure; base_y is where the feet are.

    pose: "stand", "walk", "wave" (front arm raised) or "reach" (front arm held out).
    step: 0..1, how far the legs and arms swing when walking.
    facing: 1 faces right, -1 faces left.
    Returns the position of the front hand.
    """
    head_r = height * 0.085
    head_y = base_y - height + head_r
    shoulder_y = head_y + head_r * 1.55
    hip_y = base_y - height * 0.46
    body_w = height * 0.24
    leg_w = height * 0.095
    arm_w = height * 0.07
    swing = step if pose == "walk" else 0.0

    # legs: apart when walking, close together when standing
    spread = height * (0.17 * swing + 0.035)
    for dx in (-1, 1):
        foot_x = x + dx * spread
        cv.line([(x + dx * body_w * 0.2, hip_y), (foot_x, base_y - leg_w * 0.5)], trousers, leg_w)
        cv.ellipse(
            foot_x + facing * leg_w * 0.3, base_y - leg_w * 0.3, leg_w * 0.75, leg_w * 0.38, C["charcoal"]
        )

    # the back arm, behind the torso, in a slightly darker shade
    back_shoulder = (x - facing * body_w * 0.3, shoulder_y + arm_w * 0.6)
    back_hand = (x - facing * (body_w * 0.45 + height * 0.1 * swing), hip_y + height * 0.02)
    cv.line([back_shoulder, back_hand], mix(shirt, C["charcoal"], 0.3), arm_w)
    cv.circle(*back_hand, arm_w * 0.55, mix(skin, C["charcoal"], 0.15))

    # torso
    cv.rect(x - body_w / 2, shoulder_y, x + body_w / 2, hip_y + height * 0.04, shirt, radius=body_w * 0.35)

    # the front arm
    front_shoulder = (x + facing * body_w * 0.3, shoulder_y + arm_w * 0.6)
    if pose == "wave":
        elbow = (x + facing * height * 0.2, shoulder_y + height * 0.02)
        hand = (x + facing * height * 0.22, shoulder_y - height * 0.16)
        cv.line([front_shoulder, elbow, hand], shirt, arm_w)
    elif pose == "reach":
        hand = (x + facing * height * 0.3, shoulder_y + height * 0.1)
        cv.line([front_shoulder, hand], shirt, arm_w)
    else:
        hand = (x + facing * (body_w * 0.5 + height * 0.08 * swing), hip_y + height * 0.02)
        cv.line([front_shoulder, hand], shirt, arm_w)
    cv.circle(*hand, arm_w * 0.55, skin)

    # neck and head with hair
    cv.rect(x - head_r * 0.35, head_y + head_r * 0.6, x + head_r * 0.35, shoulder_y + 2, skin)
    cv.circle(x, head_y, head_r, skin)
    cv.pieslice(x, head_y, head_r * 1.05, 180, 360, hair)
    cv.ellipse(x - facing * head_r * 0.55, head_y - head_r * 0.05, head_r * 0.5, head_r * 0.6, hair)
    return hand


def seated_person(cv, x, seat_y, height, shirt, trousers, skin, hair, facing=1, arm_up=False):
    """A figure sitting on something at seat_y, knees towards facing."""
    head_r = height * 0.085
    hip_y = seat_y - height * 0.03
    shoulder_y = hip_y - height * 0.34
    head_y = shoulder_y - head_r * 1.55
    body_w = height * 0.24
    leg_w = height * 0.095
    arm_w = height * 0.075

    knee = (x + facing * height * 0.24, hip_y)
    foot = (knee[0] + facing * height * 0.02, seat_y + height * 0.26)
    cv.line([(x, hip_y), knee, foot], trousers, leg_w)
    cv.ellipse(
        foot[0] + facing * leg_w * 0.35, foot[1] + leg_w * 0.2, leg_w * 0.75, leg_w * 0.38, C["charcoal"]
    )

    cv.rect(x - body_w / 2, shoulder_y, x + body_w / 2, hip_y + leg_w * 0.5, shirt, radius=body_w * 0.35)
    if arm_up:
        hand = (x + facing * height * 0.18, shoulder_y - height * 0.06)
        cv.line(
            [
                (x + facing * body_w * 0.3, shoulder_y + arm_w * 0.5),
                (x + facing * height * 0.2, shoulder_y + height * 0.1),
                hand,
            ],
            shirt,
            arm_w,
        )
    else:
        hand = (x + facing * height * 0.2, hip_y - height * 0.03)
        cv.line([(x + facing * body_w * 0.3, shoulder_y + arm_w * 0.5), hand], shirt, arm_w)
    cv.circle(*hand, arm_w * 0.6, skin)

    cv.rect(x - head_r * 0.35, head_y + head_r * 0.6, x + head_r * 0.35, shoulder_y + 2, skin)
    cv.circle(x, head_y, head_r, skin)
    cv.pieslice(x, head_y, head_r * 1.05, 180, 360, hair)
    cv.ellipse(x - facing * head_r * 0.55, head_y - head_r * 0.05, head_r * 0.5, head_r * 0.6, hair)


def seated_from_behind(cv, x, seat_y, height, shirt, skin, hair):
    """A figure seen from behind, sitting (e.g. on a jetty looking out)."""
    head_r = height * 0.1
    body_w = height * 0.3
    shoulder_y = seat_y - height * 0.42
    cv.rect(x - body_w / 2, shoulder_y, x + body_w / 2, seat_y, shirt, radius=body_w * 0.4)
    cv.rect(x - head_r * 0.4, shoulder_y - head_r * 0.8, x + head_r * 0.4, shoulder_y + 4, skin)
    cv.circle(x, shoulder_y - head_r * 1.3, head_r, hair)


def bicycle_with_rider(cv, x, base_y, size, frame, shirt, trousers, skin, hair):
    """A cyclist riding to the right; x is the centre between the wheels."""
    r = size * 0.2
    tyre = size * 0.03
    back = (x - size * 0.3, base_y - r)
    front = (x + size * 0.3, base_y - r)
    for cx, cy in (back, front):
        cv.ellipse(cx, cy, r, r, outline=C["charcoal"], width=tyre)
        cv.circle(cx, cy, tyre * 0.8, C["mid_grey"])
    crank = (x - size * 0.02, base_y - r)
    seat = (x - size * 0.12, base_y - r - size * 0.28)
    head = (x + size * 0.2, base_y - r - size * 0.28)
    bar = (x + size * 0.18, base_y - r - size * 0.38)
    t = size * 0.03
    cv.line([back, seat, crank, back], frame, t)
    cv.line([seat, head, crank], frame, t)
    cv.line([head, front], frame, t)
    cv.line([head, bar], frame, t)
    cv.line([(bar[0] - size * 0.02, bar[1]), (bar[0] + size * 0.05, bar[1])], C["charcoal"], t)
    cv.line(
        [(seat[0] - size * 0.05, seat[1] - size * 0.02), (seat[0] + size * 0.04, seat[1] - size * 0.02)],
        C["charcoal"],
        t * 1.3,
    )
    # the rider: leg to the pedal, leaning torso, arm to the handlebar
    hip = (seat[0], seat[1] - size * 0.05)
    knee = (x + size * 0.08, seat[1] + size * 0.02)
    pedal = (crank[0] + size * 0.05, crank[1] + size * 0.06)
    cv.line([hip, knee, pedal], trousers, size * 0.075)
    cv.ellipse(pedal[0] + size * 0.02, pedal[1], size * 0.045, size * 0.022, C["charcoal"])
    shoulder = (hip[0] + size * 0.13, hip[1] - size * 0.3)
    cv.line([hip, shoulder], shirt, size * 0.13)
    grip = (bar[0] + size * 0.01, bar[1])
    cv.line([shoulder, grip], shirt, size * 0.055)
    cv.circle(*grip, size * 0.03, skin)
    head_c = (shoulder[0] + size * 0.04, shoulder[1] - size * 0.13)
    cv.rect(head_c[0] - size * 0.02, head_c[1], head_c[0] + size * 0.02, shoulder[1], skin)
    cv.circle(*head_c, size * 0.07, skin)
    cv.pieslice(head_c[0], head_c[1], size * 0.078, 170, 360, hair)


def bench(cv, x, y, w):
    """A park bench; y is the seat height, x the left end."""
    wood = (150, 104, 70)
    cv.rect(x, y - 40, x + w, y - 30, wood)
    cv.rect(x, y - 22, x + w, y - 12, wood)
    cv.rect(x - 4, y - 6, x + w + 4, y + 4, wood)
    for lx in (x + 12, x + w - 22):
        cv.rect(lx, y, lx + 10, y + 44, C["charcoal"])


# ------------------------------------------------------------------- scenes


def draw_park(name):
    """People of all ages in a park by a lake, with the town behind."""
    rng = scene_rng(101)
    cv = Canvas()
    cv.vertical_gradient(0, 560, C["sky_top"], C["sky_low"])
    sun(cv, 1300, 150, 60)
    cloud(cv, 330, 160, 60)
    cloud(cv, 880, 110, 45)
    ridge = hills(cv, 470, 22, C["hill_far"], 1.2, 0.003)
    town_skyline(cv, rng, 120, 760, ridge_y(ridge, 400) + 40, 0.9)
    forest_band(cv, rng, 800, 1620, ridge, 70, mix(C["forest"], C["hill_far"], 0.35), 16)
    # lake
    cv.rect(0, 505, WIDTH, 610, C["water"])
    for i in range(9):
        y = 520 + i * 10
        x0 = rng.uniform(0, 1400)
        cv.rect(x0, y, x0 + rng.uniform(60, 200), y + 2.5, C["water_light"])
    # lawn and path
    lawn = wave_points(-20, WIDTH + 20, 600, 10, 0.3, 0.005)
    cv.polygon([*lawn, (WIDTH + 20, HEIGHT), (-20, HEIGHT)], C["grass"])
    cv.polygon(
        [(-20, 860), (500, 760), (1000, 720), (1620, 700), (1620, 780), (1000, 800), (520, 850), (-20, 980)],
        C["path"],
    )
    for x, y, s in ((140, 700, 0.9), (1450, 650, 1.0), (1060, 640, 0.8)):
        cv.ellipse(x, y + 10, 120 * s, 20 * s, C["grass_light"])
    # trees
    leafy_tree(cv, 90, 720, 260, C["hill_mid"])
    leafy_tree(cv, 1500, 690, 300, mix(C["hill_mid"], C["forest"], 0.3))
    leafy_tree(cv, 1360, 650, 200, C["hill_mid"])
    conifer(cv, 1590, 700, 260, C["forest"])
    # a bench with two people talking
    bench(cv, 1030, 700, 170)
    seated_person(cv, 1080, 694, 150, C["plum"], C["navy"], SKIN[0], HAIR[4], facing=1)
    seated_person(cv, 1160, 694, 150, C["teal"], C["charcoal"], SKIN[2], HAIR[1], facing=-1, arm_up=True)
    # a family walking on the path
    person(cv, 470, 845, 200, C["orange"], C["denim"], SKIN[1], HAIR[0], "walk", 0.8)
    person(cv, 540, 840, 185, C["navy"], C["charcoal"], SKIN[3], HAIR[1], "walk", 0.6)
    person(cv, 610, 838, 110, C["yellow"], C["navy"], SKIN[3], HAIR[1], "wave", 0.5)
    # children playing with a ball on the lawn
    person(cv, 230, 930, 120, C["red"], C["denim"], SKIN[0], HAIR[3], "reach", 0.6)
    cv.circle(310, 880, 16, C["yellow"])
    cv.pieslice(310, 880, 16, 0, 90, C["white_wall"])
    cv.pieslice(310, 880, 16, 180, 270, C["white_wall"])
    person(cv, 390, 945, 130, C["teal"], C["charcoal"], SKIN[2], HAIR[0], "wave", 0.3, facing=-1)
    # an older person walking, and a cyclist
    person(cv, 850, 785, 190, C["denim"], C["mid_grey"], SKIN[0], HAIR[4], "walk", 0.4, facing=-1)
    bicycle_with_rider(cv, 1330, 752, 190, C["teal"], C["red"], C["navy"], SKIN[1], HAIR[2])
    # flowers in the foreground
    for _ in range(40):
        fx, fy = rng.uniform(650, 1600), rng.uniform(860, 990)
        cv.circle(fx, fy, rng.uniform(4, 7), rng.choice([C["yellow"], C["white_wall"], C["orange"]]))
    cv.save(name)


def draw_jetty(name):
    """Two young people on a jetty, looking over a lake at dusk."""
    rng = scene_rng(202)
    dusk_top, dusk_low = (118, 124, 170), (246, 196, 160)
    cv = Canvas()
    cv.vertical_gradient(0, 520, dusk_top, dusk_low)
    sun(cv, 1120, 470, 70, (252, 214, 150))
    cloud(cv, 360, 170, 55, (210, 190, 210))
    cloud(cv, 1350, 230, 40, (236, 196, 196))
    far = hills(cv, 470, 26, (108, 110, 146), 2.0, 0.003)
    town_skyline(
        cv,
        rng,
        200,
        860,
        ridge_y(far, 500) + 50,
        1.0,
        colours=[(92, 96, 130), (110, 110, 146), (84, 88, 120)],
        lit=0.35,
        church=((150, 140, 160), (70, 70, 104), (96, 80, 110)),
    )
    near = wave_points(-20, WIDTH + 20, 525, 10, 0.7, 0.004)
    forest_band(cv, rng, 860, 1620, near, 90, (62, 72, 104), 15)
    forest_band(cv, rng, -10, 200, near, 80, (62, 72, 104), 15)
    cv.rect(0, 520, WIDTH, HEIGHT, (90, 110, 150))
    # reflections: the sun's glitter and the lit windows
    for i in range(14):
        y = 540 + i * 22
        half = 90 - i * 4
        cv.rect(
            1120 - half + rng.uniform(-20, 20), y, 1120 + half + rng.uniform(-20, 20), y + 5, (236, 190, 150)
        )
    for i in range(10):
        y = 545 + i * 18
        x0 = rng.uniform(200, 820)
        cv.rect(x0, y, x0 + rng.uniform(20, 60), y + 3, (200, 180, 140))
    for i in range(10):
        y = 560 + i * 40
        x0 = rng.uniform(0, 1500)
        cv.rect(x0, y, x0 + rng.uniform(80, 240), y + 3, (120, 140, 176))
    # reeds at the left shore
    for i in range(26):
        rx = 20 + i * 9 + rng.uniform(-4, 4)
        cv.line([(rx, 1000), (rx + rng.uniform(-10, 10), 800 + rng.uniform(0, 80))], (58, 84, 74), 5)
    # jetty in perspective towards the viewer
    wood, wood_dark = (156, 116, 84), (112, 80, 60)
    cv.polygon([(560, 760), (900, 760), (1100, 1000), (300, 1000)], wood)
    for k in range(1, 9):
        t = k / 9
        y = 760 + 240 * t * t
        cv.line([(560 - 260 * t * t, y), (900 + 200 * t * t, y)], wood_dark, 2.5)
    cv.rect(560, 756, 900, 766, wood_dark)  # the far edge of the jetty
    # the two of them, seen from behind, shoulder to shoulder at the far end
    seated_from_behind(cv, 670, 766, 200, C["teal"], SKIN[1], HAIR[0])
    seated_from_behind(cv, 785, 766, 188, C["ochre"], SKIN[3], HAIR[1])
    cv.line([(695, 690), (765, 688)], C["teal"], 18)  # an arm around the friend's shoulders
    cv.save(name)


def regional_bus(cv, x, base_y, length, colour=C["bus"]):
    """A regional bus driving right; x is the rear end."""
    h = length * 0.3
    cv.rect(x, base_y - h, x + length, base_y - h * 0.12, colour, radius=h * 0.18)
    cv.rect(x + length * 0.04, base_y - h * 0.88, x + length * 0.84, base_y - h * 0.5, C["window"], radius=4)
    for k in range(1, 6):
        px = x + length * 0.04 + k * length * 0.133
        cv.rect(px - 2, base_y - h * 0.88, px + 2, base_y - h * 0.5, colour)
    cv.rect(
        x + length * 0.88, base_y - h * 0.88, x + length * 0.985, base_y - h * 0.42, (120, 150, 176), radius=6
    )
    cv.rect(x + length * 0.76, base_y - h * 0.44, x + length * 0.84, base_y - h * 0.14, C["window"])
    cv.rect(x, base_y - h * 0.36, x + length * 0.74, base_y - h * 0.3, C["white_wall"])
    cv.rect(x + length * 0.96, base_y - h * 0.3, x + length * 0.995, base_y - h * 0.22, C["window_lit"])
    for wx in (x + length * 0.18, x + length * 0.8):
        cv.circle(wx, base_y - h * 0.1, h * 0.17, C["charcoal"])
        cv.circle(wx, base_y - h * 0.1, h * 0.07, C["mid_grey"])


def train(cv, x, base_y, car_length, cars):
    h = car_length * 0.2
    for i in range(cars):
        x0 = x + i * (car_length + 6)
        cv.rect(x0, base_y - h, x0 + car_length, base_y - 4, C["train"], radius=8)
        cv.rect(x0, base_y - h * 0.45, x0 + car_length, base_y - h * 0.3, C["teal"])
        for k in range(5):
            wx = x0 + 14 + k * (car_length - 28) / 5
            cv.rect(
                wx,
                base_y - h * 0.85,
                wx + (car_length - 28) / 5 - 8,
                base_y - h * 0.55,
                C["window"],
                radius=3,
            )
    nose = x + cars * (car_length + 6) - 6
    cv.polygon(
        [(nose, base_y - h), (nose + 30, base_y - h * 0.35), (nose + 30, base_y - 4), (nose, base_y - 4)],
        C["train"],
    )


def draw_bus(name):
    """A bus on a road through fields between two small towns."""
    rng = scene_rng(303)
    cv = Canvas()
    cv.vertical_gradient(0, 520, C["sky_top"], C["sky_low"])
    sun(cv, 230, 140, 55)
    cloud(cv, 700, 130, 50)
    cloud(cv, 1250, 180, 60)
    far = hills(cv, 420, 30, C["hill_far"], 0.4, 0.0035)
    # two towns on the far hills, left and right
    town_skyline(cv, rng, 60, 430, ridge_y(far, 250) + 30, 0.8)
    town_skyline(cv, rng, 1160, 1540, ridge_y(far, 1350) + 30, 0.75)
    forest_band(cv, rng, 440, 1150, far, 55, mix(C["forest"], C["hill_far"], 0.3), 14)
    hills(cv, 520, 12, C["hill_mid"], 1.8, 0.004)
    # fields in stripes
    fields = [(C["grass"], 560), (C["ochre"], 610), (C["grass_light"], 660), (C["grass"], 720)]
    for colour, y in fields:
        cv.polygon(
            [*wave_points(-20, WIDTH + 20, y, 6, y * 0.01, 0.004), (WIDTH + 20, HEIGHT), (-20, HEIGHT)],
            colour,
        )
    # a few farms and trees in the fields
    house(cv, 300, 600, 70, 45, C["falu"], C["roof"], chimney=True)
    house(cv, 385, 602, 50, 34, C["ochre"], C["roof_red"])
    house(cv, 880, 640, 64, 42, C["falu"], C["roof"])

    # the road winds gently through the fields; the bus sits where it is level
    def road_y(x):
        return 830 + 22 * math.sin(x / 300)

    centre = [(x, road_y(x)) for x in range(-40, WIDTH + 41, 10)]
    # a side road comes down from the town on the far hill, narrower in the distance
    side = bezier((1190, 466), (1330, 620), (1010, road_y(1010)))
    widths = [14 + 86 * (i / (len(side) - 1)) ** 1.5 for i in range(len(side))]
    cv.polygon(ribbon(side, widths), C["road"])
    # the railway on a low embankment, crossing the side road; a train passes
    cv.rect(0, 528, WIDTH, 540, (120, 110, 100))
    cv.rect(0, 526, WIDTH, 529, C["mid_grey"])
    train(cv, 760, 528, 150, 3)
    for tx in (150, 470, 760, 1420, 1480):
        leafy_tree(cv, tx, 640 + (tx % 40), 120, mix(C["hill_mid"], C["forest"], 0.2))
    cv.polygon(ribbon([(x, y + 72) for x, y in centre], 30), C["path"])  # cycle path
    cv.polygon(ribbon(centre, 110), C["road"])
    for i in range(0, len(centre) - 3, 6):
        cv.line([centre[i], centre[i + 3]], C["road_line"], 5)
    bus_mid = 300 * math.pi / 2
    regional_bus(cv, bus_mid - 165, road_y(bus_mid) + 30, 330)
    bicycle_with_rider(
        cv, 1130, road_y(1130) + 84, 150, C["charcoal"], C["yellow"], C["navy"], SKIN[2], HAIR[0]
    )
    # bushes along the front edge
    for _ in range(14):
        bx = rng.uniform(0, WIDTH)
        by = rng.uniform(965, 1000)
        size = rng.uniform(30, 55)
        cv.circle(bx, by, size, mix(C["forest"], C["hill_mid"], rng.uniform(0, 0.6)))
    cv.save(name)


def draw_fibre(name):
    """Houses in the countryside in cut-away view, fibre running to each one."""
    rng = scene_rng(404)
    cv = Canvas()
    # blue hour: a darkening sky, a crescent moon and the first stars
    sky_top, sky_low = (40, 54, 98), (156, 146, 178)
    cv.vertical_gradient(0, 560, sky_top, sky_low)
    for _ in range(60):
        sx, sy = rng.uniform(0, WIDTH), rng.uniform(10, 300)
        cv.circle(sx, sy, rng.uniform(1.2, 2.6), mix((250, 246, 226), sky_top, sy / 400))
    cv.crescent(1260, 140, 42, 22, (242, 236, 210))
    far = hills(cv, 470, 26, (84, 100, 122), 2.4, 0.003)
    forest_band(cv, rng, -10, 1620, far, 60, (46, 66, 82), 15)
    ground_y = 600
    cv.polygon(
        [*wave_points(-20, WIDTH + 20, 540, 8, 0.4, 0.004), (WIDTH + 20, ground_y), (-20, ground_y)],
        (76, 112, 88),
    )
    # soil cross-section
    cv.rect(0, ground_y, WIDTH, HEIGHT, C["soil_top"])
    cv.rect(0, 760, WIDTH, HEIGHT, C["soil_mid"])
    cv.rect(0, 900, WIDTH, HEIGHT, C["soil_low"])
    cv.rect(0, ground_y - 6, WIDTH, ground_y + 8, (60, 92, 72))
    for _ in range(90):
        sx, sy = rng.uniform(0, WIDTH), rng.uniform(ground_y + 20, HEIGHT - 10)
        cv.ellipse(
            sx,
            sy,
            rng.uniform(5, 14),
            rng.uniform(3, 8),
            mix(C["soil_mid"], C["mid_grey"], rng.uniform(0.2, 0.5)),
        )
    # the village node (a small grey cabinet) on the left, with the trunk cable
    node_x = 170
    cv.rect(node_x - 34, ground_y - 80, node_x + 34, ground_y, C["light_grey"], radius=6)
    cv.rect(node_x - 24, ground_y - 64, node_x + 24, ground_y - 58, C["mid_grey"])
    cv.circle(node_x, ground_y - 36, 9, C["fibre"])
    trunk_y = 820
    cv.line([(node_x, ground_y), (node_x, trunk_y), (1540, trunk_y)], C["fibre_glow"], 14)
    cv.line([(node_x, ground_y), (node_x, trunk_y), (1540, trunk_y)], C["fibre"], 7)
    # houses along the ground, each with a branch up from the trunk cable
    houses = [
        (330, C["falu"], 110, 80),
        (560, C["ochre"], 130, 90),
        (820, C["white_wall"], 100, 74),
        (1040, C["falu"], 140, 96),
        (1300, C["blue_wall"], 110, 80),
    ]
    for x, wall, w, h in houses:
        house(
            cv,
            x,
            ground_y,
            w,
            h,
            mix(wall, (40, 54, 98), 0.3),  # walls dimmed by the dusk
            C["roof"] if wall != C["falu"] else C["roof_red"],
            lit=True,
            chimney=True,
        )
        tap = x + w * 0.5
        branch = [(tap, trunk_y), (tap, 700), (x + w * 0.78, ground_y - 2)]
        cv.line(branch, C["fibre_glow"], 10)
        cv.line(branch, C["fibre"], 5)
        cv.circle(tap, trunk_y, 12, C["fibre_glow"])
        cv.circle(tap, trunk_y, 7, C["white_wall"])
    # the end of the line continues further out into the county
    cv.circle(1540, trunk_y, 12, C["fibre_glow"])
    cv.line([(1540, trunk_y), (1640, trunk_y + 60)], C["fibre"], 7)
    # trees and a barn between the houses
    for tx in (470, 740, 960, 1230, 1480):
        conifer(cv, tx, ground_y + 4, rng.uniform(110, 160), (38, 68, 64))
    leafy_tree(cv, 1560, ground_y + 4, 150, (70, 104, 86))
    cv.save(name)


def draw_museum(name):
    """A brick museum house with visitors streaming in and festive bunting."""
    rng = scene_rng(505)
    cv = Canvas()
    cv.vertical_gradient(0, 700, (176, 206, 224), (236, 238, 232))
    cloud(cv, 240, 120, 50)
    cloud(cv, 1400, 160, 40)
    # neighbouring buildings
    cv.rect(0, 330, 200, 760, C["grey_wall"])
    cv.rect(1400, 300, 1600, 760, C["white_wall"])
    for wy in range(360, 720, 70):
        for wx in (30, 110):
            cv.rect(wx, wy, wx + 50, wy + 40, mix(C["grey_wall"], C["window"], 0.5))
        for wx in (1430, 1510):
            cv.rect(wx, wy, wx + 50, wy + 40, mix(C["white_wall"], C["window"], 0.5))
    # the museum: a long brick house with a saw-tooth roof
    x0, x1, top, base = 220, 1380, 260, 760
    cv.rect(x0, top, x1, base, C["brick"])
    for k in range(6):
        sx = x0 + k * (x1 - x0) / 6
        cv.polygon([(sx, top), (sx + (x1 - x0) / 6, top), (sx + (x1 - x0) / 6, top - 80)], C["brick_dark"])
    cv.rect(x0, top - 4, x1, top + 14, C["brick_dark"])
    # tall arched windows, placed symmetrically about the entrance, with exhibits inside
    exhibits = ["vase", "statue", "frame", "frame", "vase", "statue"]
    left = [290, 440, 590]
    slots = left + [2 * 800 - wx - 70 for wx in reversed(left)]
    for wx, exhibit in zip(slots, exhibits, strict=True):
        cv.rect(wx - 8, 340, wx + 78, 640, C["brick_dark"], radius=36)
        cv.rect(wx, 348, wx + 70, 632, (244, 226, 180), radius=32)
        cx = wx + 35
        if exhibit == "vase":
            cv.rect(cx - 22, 580, cx + 22, 632, C["white_wall"])
            cv.ellipse(cx, 540, 20, 30, C["teal"])
            cv.rect(cx - 8, 502, cx + 8, 516, C["teal"])
        elif exhibit == "statue":
            cv.rect(cx - 22, 590, cx + 22, 632, C["white_wall"])
            cv.circle(cx, 500, 14, C["mid_grey"])
            cv.rect(cx - 16, 516, cx + 16, 590, C["mid_grey"], radius=10)
        else:
            cv.rect(cx - 26, 440, cx + 26, 520, C["ochre"])
            cv.rect(cx - 18, 448, cx + 18, 512, C["teal"])
            cv.circle(cx + 6, 468, 8, C["yellow"])
    # the entrance in the middle
    cv.rect(700, 380, 900, 760, C["brick_dark"])
    cv.rect(718, 400, 882, 760, (250, 232, 190))
    cv.rect(718, 400, 882, 420, C["window_lit"])
    cv.rect(684, 370, 916, 392, C["charcoal"])
    # bunting in two swags under the cornice
    flags = [C["yellow"], C["teal"], C["orange"], C["plum"], C["red"]]
    for xa, xb in ((x0 + 10, 800), (800, x1 - 10)):
        pts = [(xa + (xb - xa) * t / 20, 284 + 22 * math.sin(math.pi * t / 20)) for t in range(21)]
        cv.line(pts, C["charcoal"], 2)
        for i in range(1, 20, 2):
            (fx, fy) = pts[i]
            cv.polygon([(fx - 13, fy), (fx + 13, fy), (fx, fy + 26)], flags[(i // 2) % len(flags)])
    # the square in front
    cv.rect(0, 760, WIDTH, HEIGHT, (206, 200, 188))
    for k in range(12):
        cv.line([(k * 140 - 60, 1000), (k * 140 + 40, 760)], (190, 184, 172), 3)
    cv.rect(0, 758, WIDTH, 770, (180, 174, 164))
    # visitors: a family, an older couple, and a school class with a teacher
    person(cv, 760, 770, 150, C["teal"], C["navy"], SKIN[1], HAIR[0], "walk", 0.5, facing=1)
    person(cv, 840, 772, 150, C["denim"], C["charcoal"], SKIN[2], HAIR[1], "walk", 0.4, facing=-1)
    person(cv, 650, 860, 200, C["orange"], C["denim"], SKIN[0], HAIR[3], "walk", 0.7)
    person(cv, 712, 858, 120, C["yellow"], C["navy"], SKIN[0], HAIR[3], "wave", 0.4)
    person(cv, 1060, 880, 195, C["plum"], C["mid_grey"], SKIN[0], HAIR[4], "walk", 0.4, facing=-1)
    person(cv, 1130, 885, 200, C["navy"], C["charcoal"], SKIN[1], HAIR[4], "walk", 0.5, facing=-1)
    teacher_x = 300
    person(cv, teacher_x, 930, 210, C["red"], C["charcoal"], SKIN[3], HAIR[1], "wave", 0.5)
    for i in range(5):
        person(
            cv,
            teacher_x + 70 + i * 58,
            940 + (i % 2) * 14,
            120 + (i % 3) * 8,
            CLOTHES[(i + 2) % len(CLOTHES)],
            rng.choice([C["navy"], C["denim"], C["charcoal"]]),
            SKIN[i % 4],
            HAIR[i % 4],
            "walk",
            0.3 + 0.2 * (i % 2),
        )
    # two trees in planters
    for tx in (120, 1480):
        cv.rect(tx - 50, 880, tx + 50, 960, C["charcoal"], radius=8)
        leafy_tree(cv, tx, 890, 260, C["hill_mid"])
    cv.save(name)


def draw_storage(name):
    """A crowded object store: full shelves, boxes in the aisle, a trolley."""
    rng = scene_rng(606)
    cv = Canvas((214, 210, 200))
    # back wall and floor
    cv.rect(0, 0, WIDTH, 760, (206, 204, 196))
    cv.rect(0, 760, WIDTH, HEIGHT, (168, 164, 156))
    for k in range(8):
        cv.rect(0, 60 + k * 12, WIDTH, 64 + k * 12, (196, 194, 186))
    for lx in range(200, 1600, 400):
        cv.rect(lx - 90, 14, lx + 90, 26, (250, 246, 226))  # ceiling lights

    box_colours = [(196, 164, 120), (180, 146, 104), (210, 184, 140), (170, 176, 180)]

    def box(x0, x1, y, h):
        colour = rng.choice(box_colours)
        cv.rect(x0, y - h, x1, y, colour)
        cv.rect(x0 + 6, y - h * 0.7, x1 - 6, y - h * 0.62, mix(colour, C["charcoal"], 0.2))

    def fill_shelf(x, x_end, y, level_h):
        """Pack one shelf (floor at y) from x to x_end with boxes and objects, edge to edge."""
        while x_end - x > 24:
            kind = rng.random()
            if kind < 0.55:
                w = rng.uniform(50, 110)
            elif kind < 0.75:
                w = rng.uniform(36, 56)
            elif kind < 0.9:
                w = rng.uniform(60, 100)
            else:
                w = 60
            if x + w > x_end:
                # the last gap on the shelf gets a box that fits exactly
                box(x, x_end, y, rng.uniform(level_h * 0.5, level_h * 0.88))
                break
            if kind < 0.55:
                box(x, x + w, y, rng.uniform(level_h * 0.5, level_h * 0.88))
            elif kind < 0.75:
                # a vase or urn
                h = rng.uniform(level_h * 0.45, level_h * 0.8)
                colour = rng.choice([C["teal"], C["plum"], C["ochre"], C["falu"]])
                cv.ellipse(x + w / 2, y - h * 0.4, w / 2, h * 0.4, colour)
                cv.rect(x + w * 0.35, y - h, x + w * 0.65, y - h * 0.7, colour)
            elif kind < 0.9:
                # a framed painting standing on the shelf
                h = min(level_h * 0.85, w * 0.9)
                cv.rect(x, y - h, x + w, y, C["ochre"])
                cv.rect(x + 8, y + 8 - h, x + w - 8, y - 8, rng.choice([C["teal"], C["navy"], C["hill_mid"]]))
            else:
                # a spinning wheel: wheel and stand
                h = level_h * 0.75
                cv.ellipse(x + 30, y - h * 0.6, 26, 26, outline=C["trunk"], width=6)
                cv.line([(x + 8, y), (x + 30, y - h * 0.6), (x + 52, y)], C["trunk"], 6)
            x += w + rng.uniform(2, 8)

    def shelf_unit(x0, x1, top, bottom, levels):
        steel = (92, 104, 120)
        level_h = (bottom - top) / levels
        # more boxes stacked on top of the unit, up towards the ceiling
        x = x0
        while x1 - x > 40:
            w = min(rng.uniform(70, 130), x1 - x)
            stack_y = top
            for _ in range(rng.randint(1, 2)):
                h = rng.uniform(36, 50)
                box(x + 4, x + w - 4, stack_y, h)
                stack_y -= h
            x += w
        cv.rect(x0, top, x0 + 14, bottom, steel)
        cv.rect(x1 - 14, top, x1, bottom, steel)
        cv.rect(x0, top - 4, x1, top + 6, steel)
        for lv in range(levels):
            y = top + (lv + 1) * level_h
            cv.rect(x0, y - 10, x1, y, steel)
            fill_shelf(x0 + 16, x1 - 16, y - 10, level_h)

    shelf_unit(40, 620, 150, 770, 4)
    shelf_unit(980, 1560, 150, 770, 4)
    # aisle in the middle with more boxes on the floor
    cv.rect(620, 150, 980, 770, (190, 188, 180))
    shelf_unit(700, 900, 240, 700, 3)
    # stacks of boxes on the floor in front of the shelves; only a narrow aisle is left
    for start, end in ((20, 640), (1110, 1580)):
        x = start
        while end - x > 60:
            w = min(rng.uniform(80, 140), end - x)
            stack_y = rng.uniform(790, 830)
            for _ in range(rng.randint(1, 3)):
                h = rng.uniform(40, 60)
                box(x, x + w, stack_y, h)
                stack_y -= h
            x += w + rng.uniform(4, 16)
    for bx, by, bw, bh in (
        (40, 900, 140, 90),
        (160, 930, 120, 70),
        (1400, 880, 160, 110),
        (1300, 940, 110, 60),
        (620, 960, 90, 40),
    ):
        colour = rng.choice(box_colours)
        cv.rect(bx, by - bh, bx + bw, by, colour)
        cv.rect(bx, by - bh * 0.55, bx + bw, by - bh * 0.45, mix(colour, C["charcoal"], 0.2))
    # chairs and a framed painting leaning in the aisle
    cv.rect(1180, 790, 1320, 960, C["ochre"])
    cv.rect(1192, 802, 1308, 948, C["hill_mid"])
    cv.circle(1280, 840, 16, C["yellow"])
    for cx in (300, 380):
        cv.rect(cx, 820, cx + 14, 960, C["trunk"])
        cv.rect(cx, 880, cx + 70, 894, C["trunk"])
        cv.rect(cx + 56, 880, cx + 70, 960, C["trunk"])
    # a member of staff with a trolley squeezing through
    trolley_x = 880
    cv.rect(trolley_x, 880, trolley_x + 200, 896, C["charcoal"])
    for tx in (trolley_x + 20, trolley_x + 180):
        cv.circle(tx, 915, 15, C["charcoal"])
    cv.rect(trolley_x + 10, 800, trolley_x + 110, 880, box_colours[0])
    cv.rect(trolley_x + 112, 820, trolley_x + 190, 880, box_colours[2])
    cv.line([(trolley_x - 4, 896), (trolley_x - 10, 780)], C["charcoal"], 8)
    person(cv, 800, 930, 230, C["teal"], C["navy"], SKIN[1], HAIR[2], "reach", 0.5, facing=1)
    cv.save(name)


def robot_arm(cv, base_x, base_y, colour):
    """An industrial robot arm on a pedestal (automation is one of the county's strengths)."""
    cv.rect(base_x - 60, base_y - 40, base_x + 60, base_y, C["charcoal"], radius=8)
    shoulder = (base_x, base_y - 70)
    elbow = (base_x + 110, base_y - 220)
    wrist = (base_x + 230, base_y - 170)
    cv.rect(base_x - 36, base_y - 80, base_x + 36, base_y - 40, colour, radius=10)
    cv.line([shoulder, elbow], colour, 46)
    cv.line([elbow, wrist], colour, 34)
    for joint, r in ((shoulder, 30), (elbow, 26), (wrist, 20)):
        cv.circle(*joint, r, mix(colour, C["charcoal"], 0.35))
        cv.circle(*joint, r * 0.45, C["light_grey"])
    cv.line([wrist, (wrist[0] + 30, wrist[1] + 40)], C["charcoal"], 10)
    cv.line([wrist, (wrist[0] + 48, wrist[1] + 14)], C["charcoal"], 10)


def draw_workshop(name):
    """People working together in a bright workshop with a robot arm."""
    rng = scene_rng(707)
    cv = Canvas((236, 234, 228))
    # big windows with an industrial skyline outside
    cv.rect(0, 0, WIDTH, 560, (226, 224, 218))
    cv.rect(60, 60, 1540, 470, (188, 214, 230))
    cv.vertical_gradient(60, 470, (180, 208, 228), (224, 234, 238))
    cv.rect(0, 0, 60, 560, (226, 224, 218))
    cv.rect(1540, 0, WIDTH, 560, (226, 224, 218))
    for fx in (200, 420, 640, 860, 1080, 1300):
        cv.rect(fx - 40, 250, fx + 60, 470, rng.choice([C["grey_wall"], C["blue_wall"], (170, 178, 190)]))
        cv.rect(fx + 10, 160, fx + 34, 250, C["grey_wall"])
    cv.polygon(
        [(60, 470), (60, 380), (300, 330), (600, 380), (900, 320), (1200, 370), (1540, 340), (1540, 470)],
        mix(C["hill_far"], C["sky_low"], 0.3),
    )
    for k in range(8):
        x = 60 + k * (1480 / 7)
        cv.rect(x - 8, 60, x + 8, 470, C["charcoal"])
    cv.rect(60, 260, 1540, 270, C["charcoal"])
    cv.rect(60, 52, 1540, 66, C["charcoal"])
    cv.rect(60, 466, 1540, 480, C["charcoal"])
    # floor
    cv.rect(0, 560, WIDTH, HEIGHT, (196, 190, 180))
    for k in range(10):
        cv.line([(k * 200 - 300, HEIGHT), (k * 200 + 100, 560)], (184, 178, 168), 3)
    # whiteboard on an easel, with sticky notes and connected shapes (no text)
    for leg in (((140, 640), (115, 905)), ((470, 640), (495, 905))):
        cv.line(list(leg), C["mid_grey"], 10)
    cv.rect(90, 330, 520, 640, C["white_wall"], radius=8)
    cv.rect(90, 630, 520, 645, C["mid_grey"])
    notes = [C["yellow"], C["orange"], C["teal"], C["plum"], (140, 200, 140)]
    for i in range(8):
        nx = 120 + (i % 4) * 95
        ny = 360 + (i // 4) * 95
        cv.rect(nx, ny, nx + 62, ny + 62, notes[i % len(notes)])
    cv.line([(300, 560), (380, 590), (460, 560)], C["navy"], 5)
    cv.circle(300, 560, 16, C["navy"])
    cv.circle(380, 590, 16, C["teal"])
    cv.circle(460, 560, 16, C["orange"])
    person(cv, 545, 905, 290, C["teal"], C["navy"], SKIN[2], HAIR[1], "wave", 0.3, facing=-1)
    # two people standing behind a table, working at a laptop
    person(cv, 770, 900, 330, C["orange"], C["denim"], SKIN[0], HAIR[3], "reach", facing=1)
    person(cv, 1030, 900, 320, C["plum"], C["charcoal"], SKIN[3], HAIR[0], "stand", facing=-1)
    wood = (176, 130, 90)
    cv.rect(660, 690, 1110, 720, wood)
    cv.rect(660, 718, 1110, 726, mix(wood, C["charcoal"], 0.3))
    for lx in (680, 1070):
        cv.rect(lx, 726, lx + 20, 960, C["charcoal"])
    # the laptop, seen from behind its screen
    cv.polygon([(830, 690), (950, 690), (940, 676), (840, 676)], C["charcoal"])
    cv.polygon([(846, 676), (934, 676), (946, 596), (858, 596)], C["mid_grey"])
    cv.circle(896, 636, 7, C["light_grey"])
    # sketches on paper at the right end of the table
    cv.rect(975, 672, 1085, 690, C["white_wall"])
    cv.line([(985, 682), (1015, 678), (1060, 684)], C["navy"], 3)
    # a model on the table: a small wind turbine prototype
    cv.line([(705, 690), (705, 590)], C["light_grey"], 6)
    for angle in (90, 210, 330):
        a = math.radians(angle)
        cv.line([(705, 590), (705 + 50 * math.cos(a), 590 - 50 * math.sin(a))], C["white_wall"], 8)
    cv.circle(705, 590, 8, C["mid_grey"])
    # robot arm cell on the right with a technician holding a tablet
    cv.rect(1180, 820, 1540, 860, (230, 196, 60))
    cv.rect(1180, 850, 1540, 860, C["charcoal"])
    robot_arm(cv, 1300, 820, C["orange"])
    cv.rect(1480, 720, 1560, 820, C["light_grey"], radius=6)
    cv.rect(1500, 700, 1540, 720, C["mid_grey"])
    hand = person(cv, 1440, 960, 270, C["navy"], C["charcoal"], SKIN[1], HAIR[2], "reach", 0.3, facing=-1)
    cv.rect(hand[0] - 40, hand[1] - 30, hand[0] + 4, hand[1] + 26, C["charcoal"], radius=4)
    cv.rect(hand[0] - 35, hand[1] - 24, hand[0] - 2, hand[1] + 20, (170, 220, 230), radius=2)
    # a plant for the office feel
    cv.rect(40, 860, 110, 960, C["falu"], radius=6)
    for angle in range(200, 345, 24):
        a = math.radians(angle)
        cv.line([(75, 860), (75 + 80 * math.cos(a), 860 + 80 * math.sin(a))], C["hill_mid"], 14)
    cv.save(name)


SCENES = {
    "kraftsamling-park.png": draw_park,
    "psykisk-halsa-brygga.png": draw_jetty,
    "resor-buss.png": draw_bus,
    "resor-fiber.png": draw_fibre,
    "museet-karlsgatan.png": draw_museum,
    "museet-magasin.png": draw_storage,
    "naringsliv-verkstad.png": draw_workshop,
}


def main():
    for name, draw_scene in SCENES.items():
        draw_scene(name)


if __name__ == "__main__":
    main()
