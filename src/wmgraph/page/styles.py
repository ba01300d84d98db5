"""How each entity type is drawn: a colour and a shape that tell it apart from every other type.

The vocabulary gives each type a colour and a shape, and subtypes often repeat their parent's
(Organisation and Company are both blue boxes). Here the first type to use a colour and shape
keeps them; any later type with the same pair keeps the hue, takes a lighter or darker shade and
a shape not yet used in that hue, so the legend tells every type apart.
"""

from __future__ import annotations

import colorsys

# vis-network shapes with a CSS swatch in page.css; the label sits outside all but box and ellipse.
SHAPES = ("dot", "box", "diamond", "triangle", "star", "square", "ellipse", "hexagon", "triangleDown")
SHADES = (-0.16, 0.14, -0.28, 0.24, -0.38, 0.32, -0.1, 0.08)
LABEL_INSIDE = ("box", "ellipse", "circle", "database", "text")


def distinct_styles(types: list[tuple[str, str, str]]) -> dict[str, tuple[str, str]]:
    """Each type's (colour, shape), given (key, colour, shape) in vocabulary order: no two alike."""
    used_colours: set[str] = set()
    shapes_by_hue: dict[str, set[str]] = {}
    styles: dict[str, tuple[str, str]] = {}
    for key, colour, shape in types:
        colour = colour.lower()
        hue_shapes = shapes_by_hue.setdefault(colour, set())
        if colour in used_colours or shape in hue_shapes:
            shape = next((s for s in (shape, *SHAPES) if s not in hue_shapes), shape)
            base = colour
            for shade in SHADES:
                colour = shade_of(base, shade)
                if colour not in used_colours:
                    break
        hue_shapes.add(shape)
        used_colours.add(colour)
        styles[key] = (colour, shape)
    return styles


def shade_of(colour: str, change: float) -> str:
    """The colour made lighter (change > 0) or darker (change < 0) in lightness, same hue."""
    red, green, blue = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    hue, light, saturation = colorsys.rgb_to_hls(red, green, blue)
    light = min(0.92, max(0.12, light + change))
    red, green, blue = colorsys.hls_to_rgb(hue, light, saturation)
    return "#" + "".join(f"{round(channel * 255):02x}" for channel in (red, green, blue))


def dark(colour: str) -> bool:
    """Whether white text reads better than dark text on this colour."""
    red, green, blue = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.55
